/*
 * Berkeley SoftFloat 3 on special operands only, the SoftFloat side of
 * `precision-lab bench 'scalar FORMAT OP (special)'` (Scripts/oracles/scalar-vs-softfloat builds
 * it against the softfloat.a it has built and measures both sides with callgrind).
 *
 * Operands: count + 2 codes in a uint64_t array (as the Swift benchmark's [UInt64]) from
 * SplitMix64 seeded 3, each one special (ScalarOperationBenchmarks.specialCode): for r = next(),
 *   sign     = bit 63 of r;
 *   fraction = (r >> 2) & mantissaMask, or 1 when that is 0;
 *   r & 3    = 0: zero, 1: the subnormal `fraction`, 2: infinity, 3: the NaN `fraction`
 *              (quiet or signaling as the fraction's top bit says).
 * Every pair (x[i], x[i+1]) and triple is special in every position, so each call takes the
 * engines' special-value paths: NaN propagation, invalid (∞ − ∞, 0 × ∞, 0/0, ∞/∞, √ of a
 * negative number), infinities, signed zeros and subnormal arithmetic.
 *
 * One call per operation, nearest-even, the sum of the result codes kept live; sub calls
 * f16_sub/f32_sub. `--verify` prints instead the sum of the result codes over `--count`
 * operations with every NaN result counted as 1 (NaN encodings differ between engines),
 * which ScalarBenchmarkSoftFloatTests pins for the Swift engine.
 *
 *   softfloat_scalar_special [--json] [--count N] [--reps R] [--verify] [FILTER]
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "softfloat.h"

static uint64_t state;

static uint64_t next_random(void) {
    state += 0x9E3779B97F4A7C15ull;
    uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

enum format { FLOAT16, FLOAT32 };
static const char *format_names[] = { "float16", "float32" };
static const int mantissa_bits[] = { 10, 23 };
static const int exponent_bits[] = { 5, 8 };

static uint64_t special_code(enum format format, uint64_t r) {
    int m = mantissa_bits[format];
    uint64_t mantissa_mask = (1ull << m) - 1;
    uint64_t infinity = ((1ull << exponent_bits[format]) - 1) << m;
    uint64_t fraction = (r >> 2) & mantissa_mask;
    if (fraction == 0) fraction = 1;
    uint64_t magnitude = 0;
    switch (r & 3) {
    case 0: magnitude = 0; break;
    case 1: magnitude = fraction; break;
    case 2: magnitude = infinity; break;
    default: magnitude = infinity | fraction; break;
    }
    return (r >> 63 ? 1ull << (exponent_bits[format] + m) : 0) | magnitude;
}

static uint64_t *operands(enum format format, size_t count) {
    uint64_t *x = malloc(count * sizeof *x);
    if (!x) { perror("malloc"); exit(1); }
    state = 3;
    for (size_t i = 0; i < count; i++) x[i] = special_code(format, next_random());
    return x;
}

#define NAN16(r) (((r).v & 0x7C00) == 0x7C00 && ((r).v & 0x03FF))
#define NAN32(r) (((r).v & 0x7F800000) == 0x7F800000 && ((r).v & 0x007FFFFF))
#define H(i) ((float16_t){ (uint16_t)x[i] })
#define S(i) ((float32_t){ (uint32_t)x[i] })
/* One noinline loop per (format, op), named run_<f16|f32>_<op> for callgrind. */
#define LOOP(name, type, expr, isnan)                                                       \
    __attribute__((noinline)) static uint64_t name(const uint64_t *x, size_t n, int verify) { \
        uint64_t checksum = 0;                                                               \
        if (verify) {                                                                        \
            for (size_t i = 0; i < n; i++) { type r = expr; checksum += isnan(r) ? 1 : r.v; } \
        } else {                                                                             \
            for (size_t i = 0; i < n; i++) checksum += (expr).v;                             \
        }                                                                                    \
        return checksum;                                                                     \
    }
LOOP(run_f16_add, float16_t, f16_add(H(i), H(i + 1)), NAN16)
LOOP(run_f16_sub, float16_t, f16_sub(H(i), H(i + 1)), NAN16)
LOOP(run_f16_mul, float16_t, f16_mul(H(i), H(i + 1)), NAN16)
LOOP(run_f16_div, float16_t, f16_div(H(i), H(i + 1)), NAN16)
LOOP(run_f16_sqrt, float16_t, f16_sqrt(H(i)), NAN16)
LOOP(run_f16_fma, float16_t, f16_mulAdd(H(i), H(i + 1), H(i + 2)), NAN16)
LOOP(run_f32_add, float32_t, f32_add(S(i), S(i + 1)), NAN32)
LOOP(run_f32_sub, float32_t, f32_sub(S(i), S(i + 1)), NAN32)
LOOP(run_f32_mul, float32_t, f32_mul(S(i), S(i + 1)), NAN32)
LOOP(run_f32_div, float32_t, f32_div(S(i), S(i + 1)), NAN32)
LOOP(run_f32_sqrt, float32_t, f32_sqrt(S(i)), NAN32)
LOOP(run_f32_fma, float32_t, f32_mulAdd(S(i), S(i + 1), S(i + 2)), NAN32)

typedef uint64_t (*loop_fn)(const uint64_t *, size_t, int);
static const char *op_names[] = { "add", "sub", "mul", "div", "sqrt", "fma" };
static const loop_fn loops[2][6] = {
    { run_f16_add, run_f16_sub, run_f16_mul, run_f16_div, run_f16_sqrt, run_f16_fma },
    { run_f32_add, run_f32_sub, run_f32_mul, run_f32_div, run_f32_sqrt, run_f32_fma },
};

volatile uint64_t sink;

static double now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    size_t count = 10000000;
    int reps = 5, json = 0, verify = 0;
    const char *filter = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) json = 1;
        else if (!strcmp(argv[i], "--verify")) verify = 1;
        else if (!strcmp(argv[i], "--count") && i + 1 < argc) count = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc) reps = atoi(argv[++i]);
        else if (argv[i][0] == '-') { fprintf(stderr, "unknown option %s\n", argv[i]); return 2; }
        else filter = argv[i];
    }
    if (count < 1 || reps < 1) { fprintf(stderr, "--count and --reps must be positive\n"); return 2; }
    softfloat_roundingMode = softfloat_round_near_even;
    int first = 1;
    if (json) printf("[\n");
    for (int format = FLOAT16; format <= FLOAT32; format++) {
        uint64_t *x = NULL;
        for (int op = 0; op < 6; op++) {
            char name[96];
            snprintf(name, sizeof name, "scalar %s %s (special)", format_names[format], op_names[op]);
            if (filter && !strstr(name, filter)) continue;
            if (!x) x = operands(format, count + 2);
            if (verify) {
                printf("%s checksum %llu\n", name, (unsigned long long)loops[format][op](x, count, 1));
                continue;
            }
            double *runs = malloc(reps * sizeof *runs);
            sink = loops[format][op](x, count, 0); /* warm-up, untimed */
            for (int r = 0; r < reps; r++) {
                double start = now_ns();
                sink = loops[format][op](x, count, 0);
                runs[r] = now_ns() - start;
            }
            qsort(runs, reps, sizeof *runs, compare_doubles);
            double median = runs[reps / 2] / count, min = runs[0] / count, max = runs[reps - 1] / count;
            if (json)
                printf("%s  {\"name\": \"%s\", \"elements\": %zu, \"ns_per_element\": %.6f, "
                       "\"ns_per_element_min\": %.6f, \"ns_per_element_max\": %.6f}",
                       first ? "" : ",\n", name, count, median, min, max);
            else
                printf("%-34s %10zu %10.3f %10.3f %10.3f\n", name, count, median, min, max);
            first = 0;
            free(runs);
        }
        free(x);
    }
    if (json) printf("\n]\n");
    return 0;
}
