// ReportKit: deterministic report writers.
