import ArgumentParser
import Explorer
import LabCommands

/// `precision-lab-explorer [--host 127.0.0.1] [--port 8080]`: the web bit-explorer's server, a
/// product of its own so that the main `precision-lab` binary (and `Scripts/reports`) does not
/// build Hummingbird and SwiftNIO. `precision-lab serve` runs this binary when it sits next to
/// it (`swift build -c release --product precision-lab-explorer`).
@main
struct ExplorerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precision-lab-explorer",
        abstract: "Serve the web bit-explorer: a page and a JSON API over the inspect engine.",
        discussion: """
            Prints 'listening on http://HOST:PORT' once it accepts connections; --port 0 \
            picks a free port. Loopback only unless --host says otherwise. SIGINT or SIGTERM \
            stops it. Routes: / (the page; deep links /?value=0.1&format=float8_e4m3fn), \
            /api/formats, /api/inspect?value=V&format=F..., /api/decode?format=F&bits=0x1d.
            """)

    @Option(help: "Address to bind (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free one.")
    var port = 8080

    mutating func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, got \(port)") }
    }

    func run() async throws {
        let server = try ExplorerServer(host: host, port: port)
        let host = self.host
        try await server.run { port in
            // Written straight to the descriptor: a test harness reading a pipe sees it at once.
            var standardOutput = FileDescriptorOutput.standardOutput
            var line = "listening on http://\(host):\(port)\n"
            line.withUTF8 { bytes in try? standardOutput.write(UnsafeRawBufferPointer(bytes)) }
        }
    }
}
