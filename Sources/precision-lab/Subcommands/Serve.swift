import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

extension PrecisionLab {
    /// `precision-lab serve [--host 127.0.0.1] [--port 8080]`: replaces this process with the
    /// `precision-lab-explorer` binary next to it (a separate product, so that this binary does
    /// not link Hummingbird and SwiftNIO), passing the options on.
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the web bit-explorer (runs precision-lab-explorer, built separately).",
            discussion: """
                Prints 'listening on http://HOST:PORT' once it accepts connections; --port 0 \
                picks a free port. Loopback only unless --host says otherwise. SIGINT or SIGTERM \
                stops it. Routes: / (the page; deep links /?value=0.1&format=float8_e4m3fn), \
                /api/formats, /api/inspect?value=V&format=F..., /api/decode?format=F&bits=0x1d. \
                The server is the precision-lab-explorer product: build it with \
                'swift build -c release --product precision-lab-explorer' (a debug 'swift build' \
                builds it too).
                """)

        @Option(help: "Address to bind (0.0.0.0 for every interface).")
        var host = "127.0.0.1"

        @Option(help: "Port to bind; 0 picks a free one.")
        var port = 8080

        mutating func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, got \(port)") }
        }

        func run() throws {
            let explorer = Self.siblingPath("precision-lab-explorer")
            guard access(explorer, X_OK) == 0 else {
                printToStandardError("""
                    precision-lab serve: the explorer is a separate product and \(explorer) is missing; \
                    build it with: swift build -c release --product precision-lab-explorer
                    """)
                throw ExitCode.failure
            }
            let arguments = [explorer, "--host", host, "--port", String(port)]
            var pointers = arguments.map { strdup($0) }
            pointers.append(nil)
            execv(explorer, pointers)
            printToStandardError("precision-lab serve: cannot run \(explorer): \(String(cString: strerror(errno)))")
            throw ExitCode.failure
        }

        /// `name` in the directory of this executable (read from /proc/self/exe).
        static func siblingPath(_ name: String) -> String {
            var buffer = [CChar](repeating: 0, count: 4096)
            let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            let executable = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
            let directory = executable.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            return (directory.isEmpty ? "." : directory) + "/" + name
        }
    }
}
