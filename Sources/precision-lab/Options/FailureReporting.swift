import ArgumentParser

/// Runs a check of the command line; any error but a `ValidationError` becomes one with the
/// error's description, so ArgumentParser prints it with the usage and exits 64:
///
///     try validating { _ = try ShardSelection(parsing: shard) }   // "error: --shard …"
func validating<Result>(_ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch let error as ValidationError {
        throw error
    } catch {
        throw ValidationError("\(error)")
    }
}

/// Runs a command's work; on an error, runs `cleanup` (e.g. flushing what was written), prints
/// `error: ` (the one error style) and the error's description to standard error and exits with
/// status 1 (bad data; usage errors exit 64 through ArgumentParser):
///
///     try reportingFailure { try quantize(…) }   // "error: in.txt:2:3: …"
@discardableResult
func reportingFailure<Result>(cleanup: () -> Void = {}, _ body: () throws -> Result) throws -> Result {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        cleanup()
        printToStandardError("error: \(error)")
        throw ExitCode.failure
    }
}
