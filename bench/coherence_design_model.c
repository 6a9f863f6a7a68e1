/*
 * C model of the coherence kernel's design (functions/MineFunctions.Core/Coherence), to measure the
 * ceiling of that design on a machine, free of .NET code generation: AVX-512 double row prefix
 * (in-register log-step scan + carry), a ring of vertical prefix sums (Y + 1 slots), the newest
 * row's accumulation and the ratio fused with the scan, software prefetch of the input rows, blocks
 * of 64 rows over OpenMP threads, each block in strips of S output columns. Interior pixels only
 * (whole strips from column 8), no nodata, no edges: an upper bound for the real kernel, not a
 * replacement. Options:
 *   -DS=512          strips of 512 columns, so the ring and row prefix stay near L1 (default 4080: one strip)
 *   -DPREFETCH=8192  prefetch the next row (2 * W floats ahead; -DPAIR: 16384, the next pair) instead of 1 KB ahead
 *   -DPAIR           scan two input rows per pass, their vertical prefixes kept in registers (Y = 2)
 *   -DLAGG=2         the emit trails the scan by one more group
 *
 *   gcc -O3 -march=native -fopenmp bench/coherence_design_model.c -o /tmp/model && /tmp/model 2
 *
 * Prints Mpx/s of the model and of a STREAM triad measured in the same run (bound = triad / 20 B).
 * Window 7 x 2, 4096 x 4096 pair (256 MiB of input), fastest of 5 runs.
 *
 * Measured 2026-11-27, 2 threads, alternating runs (Mpx/s and share of the triad bound of the same
 * run; the bound itself moved 2050-3720 between runs):
 *   default (the C# kernel's layout)                      690-890   23-38 %
 *   -DS=512 -DPREFETCH=8192                               770-960   26-34 %
 *   -DPAIR                                                 805-1135  30-43 %
 *   -DPAIR -DS=512 -DPREFETCH=16384                       950-1185  32-43 %
 *   four rows per pass (tried, not kept)                   800-890   32-35 %
 */
#include <immintrin.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define W 4096
#define H 4096
#define BLOCK 64
#define AX 3                /* window columns after / before the pixel (7 wide) */
#define BX 3
#ifndef S
#define S 4080              /* output columns per strip (whole strips only: interior pixels) */
#endif
#ifndef PREFETCH
#define PREFETCH 256        /* floats ahead, as CoherenceRowPrefix.PrefetchFloats; 2 * W = next row */
#endif
#ifndef LAGG
#define LAGG 1              /* groups the emit trails the prefix scan by, beyond its reach */
#endif
#define PS (S + 64)         /* prefix channel stride */
#define RS (S + 8)          /* ring channel stride (padded) */
#define SLOT (4 * RS + 24)  /* ring slot (padded) */

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static inline __m512d scan(__m512d x, __m512d carry, double *out)
{
    const __m512i s1 = _mm512_setr_epi64(8, 0, 1, 2, 3, 4, 5, 6), s2 = _mm512_setr_epi64(8, 8, 0, 1, 2, 3, 4, 5);
    const __m512i s4 = _mm512_setr_epi64(8, 8, 8, 8, 0, 1, 2, 3), last = _mm512_set1_epi64(7);
    const __m512d z = _mm512_setzero_pd();
    x = _mm512_add_pd(x, _mm512_permutex2var_pd(x, s1, z));
    x = _mm512_add_pd(x, _mm512_permutex2var_pd(x, s2, z));
    x = _mm512_add_pd(x, _mm512_permutex2var_pd(x, s4, z));
    __m512d p = _mm512_add_pd(x, carry);
    _mm512_storeu_pd(out, p);
    return _mm512_permutexvar_pd(last, p);
}

/* Products of 8 complex samples of a row and their scans into the row prefix P (4 channels). */
static inline void scan_group(const float *a, const float *b, int g, double *P, __m512d c[4])
{
    const __m512i de = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15);
    _mm_prefetch((const char *)(a + 16 * g + PREFETCH), _MM_HINT_T0);
    _mm_prefetch((const char *)(b + 16 * g + PREFETCH), _MM_HINT_T0);
    __m512 va = _mm512_permutexvar_ps(de, _mm512_loadu_ps(a + 16 * g));
    __m512 vb = _mm512_permutexvar_ps(de, _mm512_loadu_ps(b + 16 * g));
    __m512d ar = _mm512_cvtps_pd(_mm512_castps512_ps256(va));
    __m512d ai = _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(va), 1)));
    __m512d br = _mm512_cvtps_pd(_mm512_castps512_ps256(vb));
    __m512d bi = _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(vb), 1)));
    c[0] = scan(_mm512_fmadd_pd(ar, br, _mm512_mul_pd(ai, bi)), c[0], P + 1 + 8 * g);
    c[1] = scan(_mm512_fmsub_pd(ai, br, _mm512_mul_pd(ar, bi)), c[1], P + PS + 1 + 8 * g);
    c[2] = scan(_mm512_fmadd_pd(ar, ar, _mm512_mul_pd(ai, ai)), c[2], P + 2 * PS + 1 + 8 * g);
    c[3] = scan(_mm512_fmadd_pd(br, br, _mm512_mul_pd(bi, bi)), c[3], P + 3 * PS + 1 + 8 * g);
}

static inline __m512d window_row(const double *P, int c, int x)
{
    return _mm512_sub_pd(_mm512_loadu_pd(P + c * PS + AX + 1 + x), _mm512_loadu_pd(P + c * PS - BX + x));
}

static inline void emit(__m512d s[4], float *out)
{
    __m512d den = _mm512_mul_pd(s[2], s[3]);
    __m512d q = _mm512_div_pd(_mm512_fmadd_pd(s[0], s[0], _mm512_mul_pd(s[1], s[1])), den);
    q = _mm512_maskz_min_pd(_mm512_cmp_pd_mask(den, _mm512_setzero_pd(), _CMP_GT_OQ), q, _mm512_set1_pd(1));
    _mm256_storeu_ps(out, _mm256_sqrt_ps(_mm512_cvtpd_ps(q)));
}

/* Output columns start at local input index 8 of the strip; the emit trails the scan by its reach. */
static inline int ready(int x, int g) { return x + AX + 8 + 8 * LAGG <= 8 * (g + 1) && x + 8 <= S + 8; }

#ifndef PAIR
/* next = prev + window row sum; output = next - low, for the 8 columns at local input index x. */
static inline void accumulate_emit(const double *P, const double *prev, double *next, const double *low, float *out, int x, int emitting)
{
    __m512d s[4];
    for (int k = 0; k < 4; k++) {
        __m512d v = _mm512_add_pd(_mm512_loadu_pd(prev + k * RS + x - 8), window_row(P, k, x));
        _mm512_storeu_pd(next + k * RS + x - 8, v);
        s[k] = _mm512_sub_pd(v, _mm512_loadu_pd(low + k * RS + x - 8));
    }
    if (emitting) emit(s, out + x - 8);
}

/* One input row of a strip: input local j in [0, S+16) = global xs0-8+j; outputs t in [0,S) = global xs0+t. */
static void fused_row(const float *a, const float *b, double *P, const double *prev, double *next, const double *low, float *out, int emitting)
{
    __m512d c[4] = { _mm512_setzero_pd(), _mm512_setzero_pd(), _mm512_setzero_pd(), _mm512_setzero_pd() };
    for (int k = 0; k < 4; k++) P[k * PS] = 0;
    int x = 8;
    for (int g = 0; g < (S + 16) / 8; g++) {
        scan_group(a, b, g, P, c);
        if (ready(x, g)) { accumulate_emit(P, prev, next, low, out, x, emitting); x += 8; }
    }
    for (; x + 8 <= S + 8; x += 8) accumulate_emit(P, prev, next, low, out, x, emitting);
}

#else
/* Two rows' accumulate-and-emit (Y = 2): Q1 = prev + H1, Q2 = Q1 + H2; outputs Q1 - low and Q2 - prev. */
static inline void accumulate_emit_pair(const double *P1, const double *P2, const double *prev, const double *low,
                                        double *n1, double *n2, float *o1, float *o2, int x)
{
    __m512d s1[4], s2[4];
    for (int k = 0; k < 4; k++) {
        __m512d pv = _mm512_loadu_pd(prev + k * RS + x - 8);
        __m512d q1 = _mm512_add_pd(pv, window_row(P1, k, x)), q2 = _mm512_add_pd(q1, window_row(P2, k, x));
        _mm512_storeu_pd(n1 + k * RS + x - 8, q1);
        _mm512_storeu_pd(n2 + k * RS + x - 8, q2);
        s1[k] = _mm512_sub_pd(q1, _mm512_loadu_pd(low + k * RS + x - 8));
        s2[k] = _mm512_sub_pd(q2, pv);
    }
    emit(s1, o1 + x - 8);
    emit(s2, o2 + x - 8);
}

/* Two input rows per pass, both scanned in one loop. */
static void fused_pair(const float *a1, const float *b1, const float *a2, const float *b2, double *P1, double *P2,
                       const double *prev, const double *low, double *n1, double *n2, float *o1, float *o2)
{
    __m512d c1[4] = { _mm512_setzero_pd(), _mm512_setzero_pd(), _mm512_setzero_pd(), _mm512_setzero_pd() };
    __m512d c2[4] = { _mm512_setzero_pd(), _mm512_setzero_pd(), _mm512_setzero_pd(), _mm512_setzero_pd() };
    for (int k = 0; k < 4; k++) P1[k * PS] = P2[k * PS] = 0;
    int x = 8;
    for (int g = 0; g < (S + 16) / 8; g++) {
        scan_group(a1, b1, g, P1, c1);
        scan_group(a2, b2, g, P2, c2);
        if (ready(x, g)) { accumulate_emit_pair(P1, P2, prev, low, n1, n2, o1, o2, x); x += 8; }
    }
    for (; x + 8 <= S + 8; x += 8) accumulate_emit_pair(P1, P2, prev, low, n1, n2, o1, o2, x);
}
#endif


static double triad(int threads)
{
    const long n = 32L << 20;
    float *x = aligned_alloc(64, n * 4), *y = aligned_alloc(64, n * 4), *z = aligned_alloc(64, n * 4);
    for (long i = 0; i < n; i++) { x[i] = 0; y[i] = 1; z[i] = 2; }
    double best = 1e9;
    for (int r = 0; r < 5; r++) {
        double t = now();
#pragma omp parallel for num_threads(threads) schedule(static)
        for (long i = 0; i < n; i++) x[i] = y[i] + 3.0f * z[i];
        t = now() - t;
        if (t < best) best = t;
    }
    free(x); free(y); free(z);
    return 12.0 * n / best;
}

int main(int argc, char **argv)
{
    int threads = argc > 1 ? atoi(argv[1]) : 1;
    float *A = aligned_alloc(64, 8L * W * H), *B = aligned_alloc(64, 8L * W * H), *O = aligned_alloc(64, 4L * W * H);
    for (long i = 0; i < 2L * W * H; i++) { A[i] = (i * 2654435761u % 1000) / 1000.f - 0.5f; B[i] = (i * 40503u % 1000) / 1000.f - 0.5f; }
    memset(O, 0, 4L * W * H);
    double best = 1e9;
    for (int rep = 0; rep < 5; rep++) {
        double t = now();
#pragma omp parallel num_threads(threads)
        {
            double *P = aligned_alloc(64, 8 * 8 * PS + 512), *R = aligned_alloc(64, 8 * 4 * SLOT + 512);
            memset(R, 0, 8 * 4 * SLOT);
#pragma omp for schedule(dynamic)
            for (int blk = 0; blk < H / BLOCK; blk++) {
                int y0 = blk * BLOCK;
#ifdef PAIR
                /* Model only: the block's halo row is not re-read (costs < 2 %). */
                for (int xs0 = 8; xs0 + S + 8 <= W; xs0 += S)
                for (int r = y0; r < y0 + BLOCK; r += 2) {
                    double *low = R + ((r / 2) % 2) * 2 * SLOT, *prev = low + SLOT, *n1 = R + ((r / 2 + 1) % 2) * 2 * SLOT, *n2 = n1 + SLOT;
                    fused_pair(A + 2L * r * W + 2 * (xs0 - 8), B + 2L * r * W + 2 * (xs0 - 8), A + 2L * (r + 1) * W + 2 * (xs0 - 8), B + 2L * (r + 1) * W + 2 * (xs0 - 8), P, P + 4 * PS,
                               prev, low, n1, n2, O + (long)r * W + xs0, O + (long)(r + 1) * W + xs0);
                }
#else
                int start = y0 > 0 ? y0 - 1 : 0;
                for (int xs0 = 8; xs0 + S + 8 <= W; xs0 += S) {
                memset(R, 0, 8 * SLOT);
                for (int r = start; r < y0 + BLOCK; r++) {
                    int k = r - start + 1;
                    fused_row(A + 2L * r * W + 2 * (xs0 - 8), B + 2L * r * W + 2 * (xs0 - 8), P, R + ((k - 1) % 3) * SLOT, R + (k % 3) * SLOT,
                              R + ((k + 1) % 3) * SLOT, O + (long)r * W + xs0, r >= y0);
                }
                }
#endif
            }
            free(P); free(R);
        }
        t = now() - t;
        if (t < best) best = t;
    }
    long cols = (W - 16) / S * S; double mpx = (double)cols * H / best / 1e6, bound = triad(threads) / 20 / 1e6;
#ifdef PAIR
    const char *variant = "two rows per pass";
#else
    const char *variant = "one row per pass (as the C# kernel)";
#endif
    /* The same sum for every variant: columns 8 .. 3079 (covered by strips of 256, 512, 1024 or 4080
       columns) of the rows every variant computes exactly (-DPAIR skips each block's halo row). */
    double check = 0;
    for (long y = 0; y < H; y++)
        if (y % BLOCK != 0)
            for (long x = 8; x < 8 + 3072; x++) check += O[y * W + x];
    printf("model, %s, %d threads: %.1f Mpx/s; triad bound %.1f Mpx/s; %.0f %% of bound (checksum %.6f)\n",
           variant, threads, mpx, bound, 100 * mpx / bound, check);
    return 0;
}
