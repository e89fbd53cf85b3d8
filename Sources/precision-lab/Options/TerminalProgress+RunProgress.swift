import ExperimentRunner
import LabCommands

/// `run` and `merge` show the experiment runner's progress on the one terminal progress line.
extension TerminalProgress: RunProgress {}
