import SoftFloat

extension OverflowUnderflowExperiment {
    /// `<name>.csv`: where one format's range ends under nearest-even.
    ///
    ///     // float16: max_finite 65504.0, overflow_threshold 65520.0 (max + ½ulp), threshold_rounds_to
    ///     // "inf (overflow,inexact)", flush_to_zero_max 2.98023223876953125e-08 = 2^-25
    struct LimitRow: TableRow {
        enum Column: String, TableColumn {
            case format, max_finite, max_finite_exact, overflow_threshold, overflow_threshold_exact, threshold_rounds_to,
                 first_overflow, beyond_threshold, smallest_normal, smallest_subnormal, flush_to_zero_max,
                 flush_to_zero_power, flush_result
            static let textColumns: Set<Column> = [.format, .threshold_rounds_to, .first_overflow, .beyond_threshold,
                                                   .flush_to_zero_power, .flush_result]
        }

        var format, maxFinite, maxFiniteExact, overflowThreshold, overflowThresholdExact, thresholdRoundsTo: String
        var firstOverflow, beyondThreshold, smallestNormal, smallestSubnormal, flushToZeroMax, flushToZeroPower, flushResult: String

        /// A format without a finite maximum: every other cell `n/a`.
        init(unavailable format: String) {
            self.format = format
            maxFinite = "n/a"; maxFiniteExact = "n/a"; overflowThreshold = "n/a"; overflowThresholdExact = "n/a"
            thresholdRoundsTo = "n/a"; firstOverflow = "n/a"; beyondThreshold = "n/a"; smallestNormal = "n/a"
            smallestSubnormal = "n/a"; flushToZeroMax = "n/a"; flushToZeroPower = "n/a"; flushResult = "n/a"
        }

        init(format: String, maxFinite: String, maxFiniteExact: String, overflowThreshold: String, overflowThresholdExact: String,
             thresholdRoundsTo: String, firstOverflow: String, beyondThreshold: String, smallestNormal: String,
             smallestSubnormal: String, flushToZeroMax: String, flushToZeroPower: String, flushResult: String) {
            self.format = format; self.maxFinite = maxFinite; self.maxFiniteExact = maxFiniteExact
            self.overflowThreshold = overflowThreshold; self.overflowThresholdExact = overflowThresholdExact
            self.thresholdRoundsTo = thresholdRoundsTo; self.firstOverflow = firstOverflow; self.beyondThreshold = beyondThreshold
            self.smallestNormal = smallestNormal; self.smallestSubnormal = smallestSubnormal; self.flushToZeroMax = flushToZeroMax
            self.flushToZeroPower = flushToZeroPower; self.flushResult = flushResult
        }

        init(_ cells: RowCells<Column>) {
            format = cells[.format]; maxFinite = cells[.max_finite]; maxFiniteExact = cells[.max_finite_exact]
            overflowThreshold = cells[.overflow_threshold]; overflowThresholdExact = cells[.overflow_threshold_exact]
            thresholdRoundsTo = cells[.threshold_rounds_to]; firstOverflow = cells[.first_overflow]
            beyondThreshold = cells[.beyond_threshold]; smallestNormal = cells[.smallest_normal]
            smallestSubnormal = cells[.smallest_subnormal]; flushToZeroMax = cells[.flush_to_zero_max]
            flushToZeroPower = cells[.flush_to_zero_power]; flushResult = cells[.flush_result]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .format: format
            case .max_finite: maxFinite
            case .max_finite_exact: maxFiniteExact
            case .overflow_threshold: overflowThreshold
            case .overflow_threshold_exact: overflowThresholdExact
            case .threshold_rounds_to: thresholdRoundsTo
            case .first_overflow: firstOverflow
            case .beyond_threshold: beyondThreshold
            case .smallest_normal: smallestNormal
            case .smallest_subnormal: smallestSubnormal
            case .flush_to_zero_max: flushToZeroMax
            case .flush_to_zero_power: flushToZeroPower
            case .flush_result: flushResult
            }
        }
    }

    /// `<name>-seed.csv` (the file keeps its name): one worked case — a product `a*b` or a
    /// cast — in one format.
    ///
    ///     // case "10000*10000", format float16: operands_stored "10000 × 10000", result "inf"
    struct CaseRow: TableRow {
        enum Column: String, TableColumn {
            case `case`, format, operands_stored, result, result_exact, flags
            static let textColumns: Set<Column> = [.case, .format, .operands_stored, .flags]
        }

        var name, format, operandsStored, result, resultExact, flags: String

        init(name: String, format: String, operandsStored: String, result: String, resultExact: String, flags: String) {
            self.name = name; self.format = format; self.operandsStored = operandsStored
            self.result = result; self.resultExact = resultExact; self.flags = flags
        }

        init(_ cells: RowCells<Column>) {
            name = cells[.case]; format = cells[.format]; operandsStored = cells[.operands_stored]
            result = cells[.result]; resultExact = cells[.result_exact]; flags = cells[.flags]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .case: name
            case .format: format
            case .operands_stored: operandsStored
            case .result: result
            case .result_exact: resultExact
            case .flags: flags
            }
        }
    }

    /// `<name>-sweep.csv`: x·x and x + x at one grid point in one format, with their classes
    /// (`normal`, `subnormal`, `zero`, `overflow`, or why x itself is out of range).
    struct SweepRow: TableRow {
        enum Column: String, TableColumn {
            case format, x, x_stored, x_squared, x_squared_status, x_squared_flags, x_doubled, x_doubled_status, x_doubled_flags
            static let textColumns: Set<Column> = [.format, .x_squared_status, .x_squared_flags, .x_doubled_status, .x_doubled_flags]
        }

        var format, x, xStored, xSquared, xSquaredStatus, xSquaredFlags, xDoubled, xDoubledStatus, xDoubledFlags: String

        init(format: String, x: String, xStored: String, xSquared: String, xSquaredStatus: String, xSquaredFlags: String,
             xDoubled: String, xDoubledStatus: String, xDoubledFlags: String) {
            self.format = format; self.x = x; self.xStored = xStored; self.xSquared = xSquared
            self.xSquaredStatus = xSquaredStatus; self.xSquaredFlags = xSquaredFlags; self.xDoubled = xDoubled
            self.xDoubledStatus = xDoubledStatus; self.xDoubledFlags = xDoubledFlags
        }

        init(_ cells: RowCells<Column>) {
            format = cells[.format]; x = cells[.x]; xStored = cells[.x_stored]; xSquared = cells[.x_squared]
            xSquaredStatus = cells[.x_squared_status]; xSquaredFlags = cells[.x_squared_flags]; xDoubled = cells[.x_doubled]
            xDoubledStatus = cells[.x_doubled_status]; xDoubledFlags = cells[.x_doubled_flags]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .format: format
            case .x: x
            case .x_stored: xStored
            case .x_squared: xSquared
            case .x_squared_status: xSquaredStatus
            case .x_squared_flags: xSquaredFlags
            case .x_doubled: xDoubled
            case .x_doubled_status: xDoubledStatus
            case .x_doubled_flags: xDoubledFlags
            }
        }
    }

    /// `<name>-staircase.csv`: ulp(x) and ulp(x)/x at one point of one format's staircase.
    ///
    ///     // float16 at 1.0: ulp 0.0009765625, relative_spacing 0.0009765625, region normal
    struct StaircaseRow: TableRow {
        enum Column: String, TableColumn {
            case format, x, ulp, relative_spacing, region
            static let textColumns: Set<Column> = [.format, .region]
        }

        var format: String
        var x, ulp, relativeSpacing: Double
        var region: String

        init(format: String, x: Double, ulp: Double, relativeSpacing: Double, region: String) {
            self.format = format; self.x = x; self.ulp = ulp; self.relativeSpacing = relativeSpacing; self.region = region
        }

        init(_ cells: RowCells<Column>) throws(TableDecodingError) {
            format = cells[.format]
            x = try cells.double(.x)
            ulp = try cells.double(.ulp)
            relativeSpacing = try cells.double(.relative_spacing)
            region = cells[.region]
        }

        func text(_ column: Column) -> String {
            switch column {
            case .format: format
            case .x: NumberText.shortest(x)
            case .ulp: NumberText.shortest(ulp)
            case .relative_spacing: NumberText.shortest(relativeSpacing)
            case .region: region
            }
        }
    }
}
