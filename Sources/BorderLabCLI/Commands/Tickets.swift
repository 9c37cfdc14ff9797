import ArgumentParser
import BorderLabCore
import BorderLabStore

extension BorderLab {
    struct Tickets: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tickets",
            abstract: "Customer service: tickets with SLA clocks, and the shop's replies.",
            discussion: """
            Reply within \(World.replySLADays) day and resolve within \(World.resolveSLADays) days, or customers \
            leave bad reviews and may dispute their payment. Right answers by kind: where-is-my-parcel → explain \
            (resend or refund if lost); damaged → resend or refund; counterfeit → refund or escalate; tax-question → \
            explain; customs-hold → explain after releasing the parcel. Answers are judged by what the customer \
            needed: a resend does not answer a tax question. Standing rules answer a kind the day its tickets arrive: \
            `borderlab tickets policy KIND ACTION`.
            """,
            subcommands: [List.self, Show.self, Reply.self, Policy.self], defaultSubcommand: List.self)
    }
}

extension BorderLab.Tickets {
    /// One ticket as `--json` prints it.
    struct TicketJSON: Encodable {
        let id, day, order_id: Int
        let sku, kind, status: String
        let reply: String?
        /// student (tickets reply) or policy (a standing rule); nil before a reply.
        let reply_by: String?
        let reply_day, closed_day: Int?
        let reply_due_day, resolve_due_day: Int
        let reply_days_left, resolve_days_left: Int?
        let right_answer: Bool?
        let reply_breached, resolve_breached: Bool
        let consequence: String?

        init(_ t: Ticket, world: World) {
            id = t.id; day = t.day; order_id = t.orderID; sku = world.orders[t.orderID - 1].sku
            kind = t.kind.rawValue; status = t.status.rawValue; reply = t.reply?.rawValue
            reply_by = t.replyDay == nil ? nil : t.byPolicy ? "policy" : "student"
            reply_day = t.replyDay; closed_day = t.closedDay
            reply_due_day = t.replyDueDay; resolve_due_day = t.resolveDueDay
            reply_days_left = t.replyDay == nil && t.status == .open ? t.replyDueDay - world.day : nil
            resolve_days_left = t.status == .open || t.status == .escalated ? t.resolveDueDay - world.day : nil
            right_answer = t.rightAnswer; reply_breached = t.replyBreached; resolve_breached = t.resolveBreached
            consequence = t.consequence
        }
    }

    /// "today", "1 day", "overdue 2 days": what is left of an SLA clock.
    static func timeLeft(_ days: Int?) -> String {
        guard let days else { return "-" }
        switch days {
        case ..<0: return "overdue \(-days)d"
        case 0: return "today"
        default: return "\(days)d"
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", 
            abstract: "List open tickets with the time left on their SLA clocks (all tickets with --all).",
            discussion: "Example: borderlab tickets list --all --json")

        @OptionGroup var options: WorkspaceOptions
        @Flag(help: "Include closed, escalated and expired tickets.")
        var all = false
        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            let tickets = world.serviceBook.tickets.filter { all || $0.status == .open }
            if json { print(Terminal.json(tickets.map { TicketJSON($0, world: world) })); return }
            if tickets.isEmpty {
                print(all ? "No tickets yet." : "No open tickets. See past ones with: borderlab tickets list --all")
                return
            }
            print(Terminal.table(["ID", "OPENED", "ORDER", "SKU", "KIND", "STATUS", "REPLY DUE", "RESOLVE DUE", "REPLY"], tickets.map {
                let j = TicketJSON($0, world: world)
                return [String(j.id), "day \(j.day)", String(j.order_id), j.sku, j.kind, j.status,
                        BorderLab.Tickets.timeLeft(j.reply_days_left), BorderLab.Tickets.timeLeft(j.resolve_days_left),
                        j.reply.map { $0 + (j.reply_by == "policy" ? " (rule)" : "") } ?? "-"]
            }), terminator: "")
            if !all { print("Answer with: borderlab tickets reply ID --action refund|resend|explain|escalate") }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", 
            abstract: "Show one ticket with its order and SLA clocks.", discussion: "Example: borderlab tickets show 3")

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The ticket id (see `borderlab tickets list`).")
        var id: Int
        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let (_, world) = try options.open()
            guard id >= 1, id <= world.serviceBook.tickets.count else { throw CLIError(EngineError.unknownTicket(id).description) }
            let t = TicketJSON(world.serviceBook.tickets[id - 1], world: world)
            if json { print(Terminal.json(t)); return }
            let order = world.orders[t.order_id - 1]
            print("Ticket \(t.id): \(t.kind), \(t.status)")
            print("Opened      day \(t.day) (\(world.date(t.day).iso))")
            print("Customer    \"\(Self.customerWords(world.serviceBook.tickets[id - 1].kind))\"")
            if let hold = world.customsBook.holds.last(where: { $0.orderID == t.order_id }) {
                print("Customs     hold \(hold.id): \(hold.reason.rawValue), \(hold.status.rawValue)"
                      + (hold.status == .held && hold.reason == .mismatch ? " — release it first: borderlab customs release \(hold.id)" : ""))
            }
            print("Order       \(order.id): \(order.quantity) × \(order.sku) to \(order.country), \(Terminal.money(order.total)), "
                  + "ordered day \(order.day)\(order.deliveredDay.map { ", delivered day \($0)" } ?? ""), now \(order.status.rawValue)")
            print("Reply SLA   due day \(t.reply_due_day)" + (t.reply_days_left.map { " (\(BorderLab.Tickets.timeLeft($0)))" } ?? "")
                  + (t.reply_breached ? " — BREACHED" : ""))
            print("Resolve SLA due day \(t.resolve_due_day)" + (t.resolve_days_left.map { " (\(BorderLab.Tickets.timeLeft($0)))" } ?? "")
                  + (t.resolve_breached ? " — BREACHED" : ""))
            if let reply = t.reply {
                print("Reply       \(reply) on day \(t.reply_day!)" + (t.reply_by == "policy" ? " by standing rule" : "") + (t.right_answer == false ? " — a wrong answer: \(world.wrongAnswerReason(ticket: t.id) ?? "")" : ""))
            }
            if let consequence = t.consequence {
                let words = consequence.split(separator: "+").map { $0 == "bad-review" ? "left a bad review" : $0 == "dispute" ? "disputed the payment with the bank" : String($0) }
                print("Then        the customer \(words.joined(separator: " and ")) (a wrong answer or a breached SLA)")
            }
            if t.reply == nil {
                print("")
                print("Answer with: borderlab tickets reply \(t.id) --action refund|resend|explain|escalate")
            }
        }

        /// What the customer wrote, so a student answers a person rather than a ticket kind.
        static func customerWords(_ kind: TicketKind) -> String {
            switch kind {
            case .whereIsMyParcel: "My parcel has not arrived. Where is it?"
            case .damaged: "The item arrived damaged."
            case .counterfeit: "I think this item is fake. Is it genuine?"
            case .taxQuestion: "Why did I pay tax at checkout? How was it worked out?"
            case .customsHold: "Customs is holding my parcel. What happens now?"
            }
        }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reply", 
            abstract: "Answer an open ticket.",
            discussion: """
            refund: pay back goods and tax, close. resend: ship the order again from stock at the shop's cost, close. \
            explain: answer (tracking, tax rules), close. escalate: hand it to the platform, which decides in \
            \(World.escalationDays) days.
            Example: borderlab tickets reply 3 --action explain
            """)

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The ticket id (see `borderlab tickets list`).")
        var id: Int
        @Option(help: "How to answer: \(TicketAction.allCases.map(\.rawValue).joined(separator: ", ")).")
        var action: TicketAction

        func run() throws {
            let world = try options.locate().perform(.replyTicket(id: id, action: action))
            let t = world.serviceBook.tickets[id - 1]
            print("Ticket \(id) (\(t.kind.rawValue)): replied \(action.rawValue); now \(t.status.rawValue).")
            if t.rightAnswer == false {
                print("A wrong answer. \(world.wrongAnswerReason(ticket: id) ?? "")")
                print("The customer may leave a bad review or dispute the payment.")
            }
            if t.replyBreached { print("The reply came after the \(World.replySLADays)-day SLA.") }
        }
    }
}

extension TicketAction: ExpressibleByArgument {}

extension BorderLab.Tickets {
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "policy", 
            abstract: "Standing rules: answer every ticket of a kind the same way the day it arrives (alone: list them).",
            discussion: """
            A rule replies as `tickets reply` would, on the day the ticket opens (within the SLA), and is judged the same \
            way: a rule that gives the wrong answer upsets customers just as a wrong reply by hand does. A rule that \
            cannot be carried out (a resend with nothing on the shelf) leaves the ticket to you, and `advance` stops for it.
            Kinds: \(TicketKind.allCases.map(\.rawValue).joined(separator: ", ")).
            Examples:
              borderlab tickets policy tax-question explain
              borderlab tickets policy damaged off
              borderlab tickets policy
            """)

        @OptionGroup var options: WorkspaceOptions
        @Argument(help: "The ticket kind, as `tickets list` shows it.")
        var kind: String?
        @Argument(help: "The answer (\(TicketAction.allCases.map(\.rawValue).joined(separator: ", "))) or off.")
        var action: String?

        func validate() throws {
            guard let kind else { return }
            guard TicketKind(rawValue: kind) != nil else {
                throw ValidationError("Unknown ticket kind '\(kind)'. Use one of: \(TicketKind.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            guard let action else { throw ValidationError("Give the answer too: borderlab tickets policy \(kind) ACTION|off") }
            guard action == "off" || TicketAction(rawValue: action) != nil else {
                throw ValidationError("Unknown answer '\(action)'. Use one of: \(TicketAction.allCases.map(\.rawValue).joined(separator: ", ")), off.")
            }
        }

        func run() throws {
            guard let kind, let action else {
                let (_, world) = try options.open()
                print(Terminal.table(["RULE", "ANSWER"], world.standingRules().map { [$0.rule, $0.value] }), terminator: "")
                print("Set one with: borderlab tickets policy KIND ACTION|off")
                return
            }
            let world = try options.locate().perform(.set(key: ShopSettings.ticketPolicyPrefix + kind, value: action))
            print(action == "off"
                  ? "No standing rule for \(kind) tickets now: answer them by hand (from day \(world.day))."
                  : "From day \(world.day), every \(kind) ticket is answered with `\(action)` the day it arrives.")
        }
    }
}
