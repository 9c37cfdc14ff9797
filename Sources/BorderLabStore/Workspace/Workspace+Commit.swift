import BorderLabCore

extension Workspace {
    /// Changes the world by `step` and logs the action it returns, all under the lock: replay, step, append, project.
    ///
    /// For actions whose logged form the engine decides: `advance` that stops when the student is needed runs
    /// `World.advance(upTo:stopWhen:)` and logs `advance(days: k)` with the days it actually ran, so a replay runs
    /// exactly those days. `step` must leave the world as applying its action would (a replay checks nothing else).
    ///
    /// - Throws: ``WorkspaceError/engine(_:)`` when the engine refuses; nothing is written then.
    public func commit<Result>(_ step: (inout World) throws(EngineError) -> (Action, Result))
        throws(WorkspaceError) -> (before: World, after: World, result: Result) {
        guard isWritable else { throw .readOnlyWorkspace(root) }
        let lock = try WorkspaceLock(path: lockPath)
        defer { withExtendedLifetime(lock) {} }
        let (log, _) = try readLog(repairing: true)
        let before = try Workspace.replay(log, path: logPath)
        if case .foreign(let reason) = try projectionState(log) { throw .projectionMismatch(path: sandboxPath, reason: reason) }
        var world = before
        let day = world.day
        let action: Action, result: Result
        do { (action, result) = try step(&world) } catch { throw .engine(error) }
        // Exercise workspaces stamp each action with the wall-clock time (drills are timed); free ones stay as they were.
        let at = log.header.exercise == nil ? nil : WallClock.now()
        let line = ActionLog.line(for: action, sequence: log.actions.count + 1, day: day, previousHash: log.headHash, at: at)
        let head = ActionLog.hash(line)
        // Everything that can fail for lack of space is done before the append: the new projection is complete in
        // its temporary file. Then the append is the commit point, and only a rename (no new space) follows it.
        do {
            try prepareProjection(world, log: ActionLog(header: log.header, actions: log.actions, headHash: head),
                                  actionCount: log.actions.count + 1)
        } catch {
            throw .io(sandboxPath, reason: "\(error.reasonText); the action was NOT recorded, the workspace is unchanged")
        }
        do { try append(line + "\n") } catch {
            removeLeftoverTemporary()
            throw error
        }
        do { try commitProjection() } catch {
            throw .recordedButNotProjected(path: logPath, reason: error.reasonText)
        }
        return (before, world, result)
    }

    /// Applies one action and returns the world after it with what the action produced (a purchase order's id, …).
    public func performWithOutcome(_ action: Action, progress: ((Int, Int) -> Void)? = nil)
        throws(WorkspaceError) -> (world: World, outcome: ActionOutcome) {
        let done = try commit { (world: inout World) throws(EngineError) in (action, try world.apply(action, progress: progress)) }
        return (done.after, done.result)
    }
}
