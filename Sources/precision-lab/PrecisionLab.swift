import ArgumentParser
import LabCommands

/// The `precision-lab` command: a thin front end over LabCommands (and Verification for `verify`), one subcommand per file
/// under `Subcommands/`. The root is an `AsyncParsableCommand` so that `run` and `merge` await
/// the parallel runner directly; the other subcommands are synchronous.
@main
struct PrecisionLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "precision-lab",
        abstract: "A bit-exact soft-float lab: formats as data, one rounding core, exact errors.",
        discussion: """
            Formats are named as in ml_dtypes (float64 float32 tf32 float16 bfloat16 \
            float8_e4m3fn float8_e5m2 float8_e4m3fnuz float8_e5m2fnuz float8_e4m3b11fnuz \
            float8_e3m4 float8_e4m3 float8_e8m0fnu float6_e2m3fn float6_e3m2fn float4_e2m1fn), \
            with the aliases fp64 fp32 fp16 bf16, or user-defined as eXmY[fn|fnuz|fo][:bias=N] \
            (for example e6m9 or e5m2:bias=16).
            """,
        subcommands: [Formats.self, Inspect.self, Convert.self, Run.self, Merge.self, Quantize.self, Dequantize.self, Matmul.self, Arith.self, Mma.self, Model.self, Embed.self, Verify.self, Bench.self, Serve.self])

    /// ArgumentParser's own entry point, with one error style: every message starts with
    /// `error:` (ArgumentParser writes `Error:`), usage errors exit 64, bad data 1 (the
    /// subcommands' `reportingFailure`), help and `--version` 0 on standard output.
    static func main() async {
        let arguments = argumentsAcceptingMarkedValue(Array(CommandLine.arguments.dropFirst()))
        do {
            var command: any ParsableCommand
            do {
                command = try parseAsRoot(arguments)
            } catch {
                // A misspelt subcommand: ArgumentParser says only "Unexpected argument".
                let names = configuration.subcommands.map { $0._commandName }
                if let word = arguments.first, !word.hasPrefix("-"), !names.contains(word), exitCode(for: error) != .success {
                    printToStandardError("error: " + UnknownOption.subcommandMessage(word, subcommands: names)
                        + "\n  See 'precision-lab --help' for more information.")
                    exit(withError: ExitCode.validationFailure)
                }
                // A `validate()` failure can hide an unknown option: report the option.
                guard exitCode(for: error) != .success, let unknown = UnknownOptionCheck.firstUnknown(in: arguments),
                      let subcommand = configuration.subcommands.first(where: { $0._commandName == arguments[0] }) else { throw error }
                printToStandardError("error: " + UnknownOption.message(option: unknown.option, suggestion: unknown.suggestion)
                    + "\nUsage: " + usageString(for: subcommand)
                    + "\n  See 'precision-lab \(arguments[0]) --help' for more information.")
                exit(withError: ExitCode.validationFailure)
            }
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
            } else if let line = FailureMessage.standardErrorLine(for: message) {
                // nil for an empty message: a subcommand's `ExitCode` after its own `error:` line.
                printToStandardError(line)
            }
            exit(withError: ExitCode(code.rawValue))
        }
    }

    /// `inspect -- -0.0 --format fp32`: a `--` before a value that starts with `-`, with options
    /// after it, is dropped (ArgumentParser would read every later word as a value). Negative
    /// numbers need no `--` here; users type it from habit.
    ///
    ///     argumentsAcceptingMarkedValue(["inspect", "--", "-0.0", "--format", "fp32"])
    ///     // ["inspect", "-0.0", "--format", "fp32"]
    static func argumentsAcceptingMarkedValue(_ arguments: [String]) -> [String] {
        guard let marker = arguments.firstIndex(of: "--"), marker + 1 < arguments.count,
              arguments[marker + 1].hasPrefix("-"),
              arguments[(marker + 2)...].contains(where: { $0.hasPrefix("--") }) else { return arguments }
        var result = arguments
        result.remove(at: marker)
        return result
    }
}
