#ifndef PRECISIONLAB_CMPFR_SHIM_H
#define PRECISIONLAB_CMPFR_SHIM_H

// The C side of the MPFR reference: GMP and MPFR headers plus `static inline` wrappers for the
// parts of their APIs that Swift cannot import — function-like macros (`mpfr_sgn`,
// `mpfr_init_set_*`, every `mpz_*` name, which GMP defines as a macro for `__gmpz_*`),
// macro constants built from other macros (`MPFR_FLAGS_ALL`) and variadic functions
// (`mpfr_asprintf`).
//
// Conventions: every wrapper is named `cmpfr_<original name>` and does exactly what the
// original does; nothing here keeps state. MPFR's exponent range and flags are per-thread
// (this library is built with TLS: `mpfr_buildopt_tls_p() == 1`), and the Swift side saves
// and restores them around each operation.

#include <stddef.h>
#include <stdint.h>
#include <gmp.h>
#include <mpfr.h>

// MARK: - MPFR macros

/// `mpfr_sgn(x)`: −1, 0 or +1 for negative, zero and positive values. NaN gives 0 and raises
/// MPFR's erange flag. Example: `cmpfr_sgn(-0.5) == -1`, `cmpfr_sgn(-0) == 0`.
static inline int cmpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }

/// `mpfr_signbit(x)`: 1 when the sign bit is set, including −0, −inf and a NaN carrying a
/// negative sign; 0 otherwise. Example: `cmpfr_signbit(-0) == 1`, `cmpfr_signbit(+0) == 0`.
static inline int cmpfr_signbit(mpfr_srcptr x) { return mpfr_signbit(x) ? 1 : 0; }

/// `mpfr_init_set_str(x, s, base, rnd)`: `mpfr_init` at the default precision, then
/// `mpfr_set_str`. Returns 0 when the whole of `s` parsed (NOT a ternary value), −1 otherwise.
/// Example: `cmpfr_init_set_str(x, "0x1.8p-3", 0, MPFR_RNDN) == 0` and `x == 0.1875`.
static inline int cmpfr_init_set_str(mpfr_ptr x, const char *s, int base, mpfr_rnd_t rnd) {
    return mpfr_init_set_str(x, s, base, rnd);
}

/// `mpfr_init_set_ui(x, u, rnd)`: init at the default precision (53), then set; returns the
/// ternary value. Example: `cmpfr_init_set_ui(x, 3, MPFR_RNDN) == 0`, `x == 3`.
static inline int cmpfr_init_set_ui(mpfr_ptr x, unsigned long u, mpfr_rnd_t rnd) {
    return mpfr_init_set_ui(x, u, rnd);
}

/// `mpfr_init_set_si(x, s, rnd)`: init at the default precision, then set; returns the ternary value.
static inline int cmpfr_init_set_si(mpfr_ptr x, long s, mpfr_rnd_t rnd) {
    return mpfr_init_set_si(x, s, rnd);
}

/// `mpfr_init_set_d(x, d, rnd)`: init at the default precision (53, so every double is
/// exact), then set. Example: `cmpfr_init_set_d(x, 0.1, MPFR_RNDN) == 0`.
static inline int cmpfr_init_set_d(mpfr_ptr x, double d, mpfr_rnd_t rnd) {
    return mpfr_init_set_d(x, d, rnd);
}

/// `mpfr_init_set_z(x, z, rnd)`: init at the default precision, then round the integer `z`.
static inline int cmpfr_init_set_z(mpfr_ptr x, mpz_srcptr z, mpfr_rnd_t rnd) {
    return mpfr_init_set_z(x, z, rnd);
}

/// `mpfr_init_set(x, y, rnd)`: init at the default precision, then round `y` into it.
static inline int cmpfr_init_set(mpfr_ptr x, mpfr_srcptr y, mpfr_rnd_t rnd) {
    return mpfr_init_set(x, y, rnd);
}

/// `MPFR_FLAGS_ALL`: the mask of all six MPFR flags (underflow 1, overflow 2, NaN 4,
/// inexact 8, erange 16, divide-by-zero 32), so `cmpfr_flags_all() == 63`.
static inline mpfr_flags_t cmpfr_flags_all(void) { return MPFR_FLAGS_ALL; }

// MARK: - MPFR variadics

/// `mpfr_asprintf(&s, format, x)` restricted to one MPFR argument: formats `x` with a
/// one-conversion `format` such as `"%Ra"` (hex: `0x1.8p-3`) or `"%.17Rg"`. Returns a string
/// to release with `mpfr_free_str`, or NULL on error.
/// Example: `cmpfr_asprintf_one("%Ra", 0.1875)` is `"0x3p-4"`.
static inline char *cmpfr_asprintf_one(const char *format, mpfr_srcptr x) {
    char *result = NULL;
    if (mpfr_asprintf(&result, format, x) < 0) { return NULL; }
    return result;
}

// MARK: - GMP integers (every mpz_* name is a macro for __gmpz_*)

/// `mpz_init(z)`: z = 0, no allocation yet.
static inline void cmpfr_mpz_init(mpz_ptr z) { mpz_init(z); }

/// `mpz_clear(z)`: frees z's limbs.
static inline void cmpfr_mpz_clear(mpz_ptr z) { mpz_clear(z); }

/// `mpz_set(z, a)`: z = a.
static inline void cmpfr_mpz_set(mpz_ptr z, mpz_srcptr a) { mpz_set(z, a); }

/// `mpz_set_ui(z, u)`: z = u.
static inline void cmpfr_mpz_set_ui(mpz_ptr z, unsigned long u) { mpz_set_ui(z, u); }

/// `mpz_set_str(z, s, base)`: parses digits (no sign handling beyond a leading '-'); returns
/// 0 on success, −1 when `s` is not a valid number. Example: `"12345"`, base 10 → 12345.
static inline int cmpfr_mpz_set_str(mpz_ptr z, const char *s, int base) { return mpz_set_str(z, s, base); }

/// `mpz_get_str(buffer, base, z)`: writes z's digits (with '-' if negative) into `buffer`,
/// which must hold `mpz_sizeinbase(z, base) + 2` bytes. Returns `buffer`.
static inline char *cmpfr_mpz_get_str(char *buffer, int base, mpz_srcptr z) { return mpz_get_str(buffer, base, z); }

/// `mpz_get_ui(z)`: the low 64 bits of |z|.
static inline unsigned long cmpfr_mpz_get_ui(mpz_srcptr z) { return mpz_get_ui(z); }

/// `mpz_sizeinbase(z, base)`: the number of digits of |z| in `base`, exact for base 2 and
/// possibly one too big otherwise. Example: 255 → 8 in base 2.
static inline size_t cmpfr_mpz_sizeinbase(mpz_srcptr z, int base) { return mpz_sizeinbase(z, base); }

/// `mpz_sgn(z)`: −1, 0 or +1.
static inline int cmpfr_mpz_sgn(mpz_srcptr z) { return mpz_sgn(z); }

/// `mpz_mul(z, a, b)`: z = a × b.
static inline void cmpfr_mpz_mul(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_mul(z, a, b); }

/// `mpz_mul_2exp(z, a, n)`: z = a × 2^n.
static inline void cmpfr_mpz_mul_2exp(mpz_ptr z, mpz_srcptr a, mp_bitcnt_t n) { mpz_mul_2exp(z, a, n); }

/// `mpz_tdiv_q_2exp(z, a, n)`: z = a / 2^n truncated toward zero.
static inline void cmpfr_mpz_tdiv_q_2exp(mpz_ptr z, mpz_srcptr a, mp_bitcnt_t n) { mpz_tdiv_q_2exp(z, a, n); }

/// `mpz_ui_pow_ui(z, b, e)`: z = b^e. Example: (5, 3) → 125.
static inline void cmpfr_mpz_ui_pow_ui(mpz_ptr z, unsigned long b, unsigned long e) { mpz_ui_pow_ui(z, b, e); }

/// `mpz_gcd(z, a, b)`: z = gcd(|a|, |b|), with gcd(0, 0) = 0.
static inline void cmpfr_mpz_gcd(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_gcd(z, a, b); }

/// `mpz_divexact(z, a, b)`: z = a / b, valid only when b divides a.
static inline void cmpfr_mpz_divexact(mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { mpz_divexact(z, a, b); }

/// `mpz_neg(z, a)`: z = −a.
static inline void cmpfr_mpz_neg(mpz_ptr z, mpz_srcptr a) { mpz_neg(z, a); }

/// `mpz_scan1(z, 0)`: the index of the lowest set bit (the number of trailing zero bits);
/// `~0` for z = 0. Example: 40 = 0b101000 → 3.
static inline mp_bitcnt_t cmpfr_mpz_scan1(mpz_srcptr z, mp_bitcnt_t start) { return mpz_scan1(z, start); }

/// `mpz_popcount(z)`: the number of set bits of z ≥ 0. Example: 40 → 2.
static inline mp_bitcnt_t cmpfr_mpz_popcount(mpz_srcptr z) { return mpz_popcount(z); }

#endif
