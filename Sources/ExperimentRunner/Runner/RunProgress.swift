/// Where ``LabRunner`` reports its progress: once before the cells (`start`), once per
/// finished cell with the experiment's name (`advance`), once at the end (`finish`). The
/// executable passes LabCommands' `TerminalProgress` (`[37/412] 8% accumulation` on a terminal);
/// the default, ``SilentProgress``, reports nothing (tests, library callers).
public protocol RunProgress: Sendable {
    func start(total: Int)
    func advance(label: String)
    func finish()
}
