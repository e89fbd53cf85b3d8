import CMPFR

/// Saves and restores MPFR's per-thread state — exponent range and flags — around one
/// operation, so that operations on parallel test threads never see each other's settings
/// and callers find their own settings unchanged.
///
///     MPFRThreadState.isolated {
///         // emin/emax are the widest MPFR allows here, all flags are clear
///         MPFRThreadState.withExponentRange(emin: -1073, emax: 1024) {
///             // binary64 emulation range
///         }
///     }
///     // the caller's emin, emax and flags are back
///
/// MPFR keeps this state in thread-local storage (`mpfr_buildopt_tls_p() == 1` for the Debian
/// build), and every operation here is synchronous, so it cannot hop threads halfway.
enum MPFRThreadState {
    /// Runs `body` with the widest exponent range and cleared flags, then restores the
    /// caller's range and flags.
    static func isolated<Result>(_ body: () -> Result) -> Result {
        let savedEmin = mpfr_get_emin()
        let savedEmax = mpfr_get_emax()
        let savedFlags = mpfr_flags_save()
        defer {
            setRange(emin: savedEmin, emax: savedEmax)
            mpfr_flags_restore(savedFlags, cmpfr_flags_all())
        }
        setRange(emin: mpfr_get_emin_min(), emax: mpfr_get_emax_max())
        mpfr_clear_flags()
        return body()
    }

    /// Runs `body` with MPFR's exponent range set to `[emin, emax]` (MPFR's convention:
    /// values `0.1b… × 2^E` with `emin ≤ E ≤ emax`), then restores the previous range.
    static func withExponentRange<Result>(emin: Int, emax: Int, _ body: () -> Result) -> Result {
        let savedEmin = mpfr_get_emin()
        let savedEmax = mpfr_get_emax()
        defer { setRange(emin: savedEmin, emax: savedEmax) }
        setRange(emin: mpfr_exp_t(emin), emax: mpfr_exp_t(emax))
        return body()
    }

    private static func setRange(emin: mpfr_exp_t, emax: mpfr_exp_t) {
        // Widen first so that emin ≤ emax holds at every step.
        let widened = mpfr_set_emin(mpfr_get_emin_min()) | mpfr_set_emax(mpfr_get_emax_max())
        let set = mpfr_set_emin(emin) | mpfr_set_emax(emax)
        precondition(widened == 0 && set == 0, "MPFR rejected the exponent range [\(emin), \(emax)]")
    }
}
