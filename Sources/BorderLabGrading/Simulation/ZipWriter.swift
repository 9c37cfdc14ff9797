import Foundation
import ZIPFoundation

/// Builds a zip in memory with chosen entry times (the simulated class's submission times).
enum ZipWriter {
    static func make(_ entries: [(path: String, data: Data, modified: Date)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for e in entries {
            try archive.addEntry(with: e.path, type: .file, uncompressedSize: Int64(e.data.count), modificationDate: e.modified,
                                 compressionMethod: .deflate) { position, size in
                e.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }
}
