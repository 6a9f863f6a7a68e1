/*
 * C model of an alternative coherence design, kept as evidence for the README's performance notes
 * (not product, not built by CI): float van Herk / Gil-Werman window sums in a segment-strided layout.
 * Lane j of a 16-lane AVX-512 vector walks columns [jL, (j+1)L) of a row, so after a 16 x 16
 * transpose of each input tile both the horizontal and the vertical window sums are lane-wise
 * additions: per axis, prefix and suffix sums within blocks of the window size, window = suffix +
 * prefix (O(1) per pixel, and no cancellation: only samples inside the window are ever added, so a
 * zero window is exactly 0 and the error is ~1e-7). The ratio uses rcp14/rsqrt14 with one Newton
 * step (-DEXACT_DIV: division and root); output is transposed back and written with streaming
 * stores. Window and raster as in coherence_design_model.c; interior pixels are checked against a
 * direct double sum.
 *
 *   gcc -O3 -march=native -fopenmp bench/coherence_vanherk_model.c -o /tmp/vh -lm && /tmp/vh 2 [WX WY]
 *
 * Measured 2026-11-27 on the 2-vCPU benchmark machine, alternating runs with coherence_design_model.c:
 * 650-810 Mpx/s on 2 threads against 730-850 for the double-prefix design (max error 2.3e-7), i.e.
 * no faster: it needs about half the vector operations per pixel, but its 32 input streams per
 * row, the transposes (shuffle port) and the block bookkeeping through L1/L2 eat the difference.
 * Aligned tile loads and streaming stores made no measurable difference.
 */
#include <immintrin.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#define W 4096
#define H 4096
#define NL 16
#define L (W / NL)
#define BLOCK 64
static int wx = 7, wy = 2, bx, ax, by, ay;
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}

static inline void tr16(__m512 r[16]) {
  __m512 t[16];
  for (int i = 0; i < 16; i += 2) { t[i] = _mm512_unpacklo_ps(r[i], r[i+1]); t[i+1] = _mm512_unpackhi_ps(r[i], r[i+1]); }
  for (int i = 0; i < 16; i += 4) {
    r[i]   = _mm512_castpd_ps(_mm512_unpacklo_pd(_mm512_castps_pd(t[i]),   _mm512_castps_pd(t[i+2])));
    r[i+1] = _mm512_castpd_ps(_mm512_unpackhi_pd(_mm512_castps_pd(t[i]),   _mm512_castps_pd(t[i+2])));
    r[i+2] = _mm512_castpd_ps(_mm512_unpacklo_pd(_mm512_castps_pd(t[i+1]), _mm512_castps_pd(t[i+3])));
    r[i+3] = _mm512_castpd_ps(_mm512_unpackhi_pd(_mm512_castps_pd(t[i+1]), _mm512_castps_pd(t[i+3])));
  }
  for (int i = 0; i < 4; i++) {
    t[i]    = _mm512_shuffle_f32x4(r[i],    r[i+4],  0x88);
    t[i+4]  = _mm512_shuffle_f32x4(r[i],    r[i+4],  0xdd);
    t[i+8]  = _mm512_shuffle_f32x4(r[i+8],  r[i+12], 0x88);
    t[i+12] = _mm512_shuffle_f32x4(r[i+8],  r[i+12], 0xdd);
  }
  for (int i = 0; i < 4; i++) {
    r[i]    = _mm512_shuffle_f32x4(t[i],   t[i+8],  0x88);
    r[i+8]  = _mm512_shuffle_f32x4(t[i],   t[i+8],  0xdd);
    r[i+4]  = _mm512_shuffle_f32x4(t[i+4], t[i+12], 0x88);
    r[i+12] = _mm512_shuffle_f32x4(t[i+4], t[i+12], 0xdd);
  }
}

typedef struct { __m512 pr[256][4], hr[512][4]; __m512 *S, *G; __m512 ob[16], ob2[16]; } WS;

static inline void emit(const __m512 v[4], WS *ws, int u, float *orow) {
  __m512 num = _mm512_fmadd_ps(v[2], v[2], _mm512_mul_ps(v[3], v[3]));
  __m512 den = _mm512_mul_ps(v[0], v[1]);
  __mmask16 ok = _mm512_cmp_ps_mask(den, _mm512_setzero_ps(), _CMP_GT_OQ);
#ifndef EXACT_DIV
  __m512 r = _mm512_rcp14_ps(den); r = _mm512_mul_ps(r, _mm512_fnmadd_ps(den, r, _mm512_set1_ps(2.f)));
  __m512 x = _mm512_mul_ps(num, r);
  __mmask16 nz = _mm512_mask_cmp_ps_mask(ok, x, _mm512_setzero_ps(), _CMP_GT_OQ);
  __m512 ys = _mm512_rsqrt14_ps(x);
  ys = _mm512_mul_ps(ys, _mm512_fnmadd_ps(_mm512_mul_ps(_mm512_mul_ps(x, _mm512_set1_ps(0.5f)), ys), ys, _mm512_set1_ps(1.5f)));
  __m512 g = _mm512_maskz_mul_ps(nz, x, ys);
#else
  __m512 g = _mm512_maskz_sqrt_ps(ok, _mm512_maskz_div_ps(ok, num, den));
#endif
  ws->ob[u & 15] = g;
  if (u >= 16) _mm512_stream_ps(orow + (u & 15) * L + (u & ~15) - 16, ws->ob2[u & 15]);
  if ((u & 15) == 15) {
    tr16(ws->ob);
    memcpy(ws->ob2, ws->ob, sizeof ws->ob);
    if (u == L - 1) for (int j = 0; j < NL; j++) _mm512_stream_ps(orow + j * L + u - 15, ws->ob[j]);
  }
}

// Row r of the input; emits output row r - ay when y0 <= r - ay < y1.
static void row(const float *A, const float *B, float *O, int r, int y0, int y1, WS *ws) {
  const int T = L + wx - 1;
  const float *ra = A + 2L * ((long)r * W - bx), *rb = B + 2L * ((long)r * W - bx);
  int kr = ((r % wy) + wy) % wy, slot = ((r % (2 * wy)) + 2 * wy) % (2 * wy);
  int q = r - wy + 1, y = q + by, out = y >= y0 && y < y1, qtop = ((q % wy) + wy) % wy == 0;
  __m512 *Srow = ws->S + (long)slot * L * 4;
  __m512 g[4];
  int k = 0, hb = 0, hu = 0, uk = 0;
  for (int t0 = 0; t0 < T; t0 += 8) {
    __m512 ta[16], tb[16];
    for (int j = 0; j < NL; j++) { ta[j] = _mm512_loadu_ps(ra + 2 * (j * L + t0)); tb[j] = _mm512_loadu_ps(rb + 2 * (j * L + t0)); }
    for (int j = 0; j < NL; j++) { _mm_prefetch((const char *)(ra + 2 * (j * L + t0) + 2 * W), _MM_HINT_T0); _mm_prefetch((const char *)(rb + 2 * (j * L + t0) + 2 * W), _MM_HINT_T0); }
    tr16(ta); tr16(tb);
    for (int i = 0; i < 8; i++) {
      int t = t0 + i;
      if (t >= T) break;
      __m512 ar = ta[2*i], ai = ta[2*i+1], br = tb[2*i], bi = tb[2*i+1], p[4];
      p[0] = _mm512_fmadd_ps(ar, ar, _mm512_mul_ps(ai, ai));
      p[1] = _mm512_fmadd_ps(br, br, _mm512_mul_ps(bi, bi));
      p[2] = _mm512_fmadd_ps(ar, br, _mm512_mul_ps(ai, bi));
      p[3] = _mm512_fmsub_ps(ai, br, _mm512_mul_ps(ar, bi));
      for (int c = 0; c < 4; c++) { g[c] = k == 0 ? p[c] : _mm512_add_ps(g[c], p[c]); ws->pr[k][c] = p[c]; }
      int hbase = hb;
      if (k == wx - 1) {
        __m512 acc[4];
        for (int c = 0; c < 4; c++) { acc[c] = p[c]; ws->hr[hbase + k][c] = acc[c]; }
        for (int m = k - 1; m >= 0; m--)
          for (int c = 0; c < 4; c++) { acc[c] = _mm512_add_ps(acc[c], ws->pr[m][c]); ws->hr[hbase + m][c] = acc[c]; }
      }
      int u = t - wx + 1;
      if (u >= 0) {
                __m512 s[4], v[4];
        for (int c = 0; c < 4; c++) s[c] = uk == 0 ? ws->hr[hu][c] : _mm512_add_ps(ws->hr[hu][c], g[c]);
        __m512 *Gu = ws->G + u * 4, *Su = Srow + u * 4;
        for (int c = 0; c < 4; c++) { Gu[c] = kr == 0 ? s[c] : _mm512_add_ps(Gu[c], s[c]); Su[c] = s[c]; }
        if (kr == wy - 1) {
          __m512 acc[4] = {s[0], s[1], s[2], s[3]};
          for (int m = 1; m < wy; m++) {
            __m512 *Sm = ws->S + ((long)((slot - m + 2 * wy) % (2 * wy)) * L + u) * 4;
            for (int c = 0; c < 4; c++) { acc[c] = _mm512_add_ps(acc[c], Sm[c]); Sm[c] = acc[c]; }
          }
        }
        if (out) {
          __m512 *Hq = ws->S + ((long)(((q % (2 * wy)) + 2 * wy) % (2 * wy)) * L + u) * 4;
          for (int c = 0; c < 4; c++) v[c] = qtop ? Hq[c] : _mm512_add_ps(Hq[c], Gu[c]);
          emit(v, ws, u, O + (long)y * W);
        }
      }
      if (u >= 0) { hu = hu + 1 == 2 * wx ? 0 : hu + 1; uk = uk + 1 == wx ? 0 : uk + 1; }
      if (++k == wx) { k = 0; hb = hb + wx == 2 * wx ? 0 : hb + wx; }
    }
  }
}

static double triad(int threads) {
  const long n = 32L << 20;
  float *x = aligned_alloc(64, n * 4), *y = aligned_alloc(64, n * 4), *z = aligned_alloc(64, n * 4);
  for (long i = 0; i < n; i++) { x[i] = 0; y[i] = 1; z[i] = 2; }
  double best = 1e9;
  for (int r = 0; r < 5; r++) { double t = now();
#pragma omp parallel for num_threads(threads) schedule(static)
    for (long i = 0; i < n; i++) x[i] = y[i] + 3.0f * z[i];
    t = now() - t; if (t < best) best = t; }
  free(x); free(y); free(z);
  return 12.0 * n / best;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  if (argc > 2) wx = atoi(argv[2]);
  if (argc > 3) wy = atoi(argv[3]);
  bx = wx / 2; ax = wx - 1 - bx; by = wy / 2; ay = wy - 1 - by;
  long margin = 4L * W;
  float *Ab = aligned_alloc(64, 8L * W * H + 8 * margin), *Bb = aligned_alloc(64, 8L * W * H + 8 * margin), *O = aligned_alloc(64, 4L * W * H);
  for (long i = 0; i < 2L * W * H + 2 * margin; i++) { Ab[i] = 0; Bb[i] = 0; }
  float *A = Ab + margin, *B = Bb + margin;
  srand(1);
  for (long i = 0; i < 2L * W * H; i++) { A[i] = (rand() % 2001) / 1000.f - 1; B[i] = 0.5f * A[i] + ((rand() % 2001) / 1000.f - 1); }
  double best = 1e9;
  for (int rep = 0; rep < 5; rep++) {
    double t = now();
#pragma omp parallel num_threads(threads)
    {
      WS *ws = aligned_alloc(64, sizeof(WS));
      ws->S = aligned_alloc(64, 2L * wy * L * 4 * 64); ws->G = aligned_alloc(64, (long)L * 4 * 64);
#pragma omp for schedule(dynamic)
      for (int blk = 0; blk < H / BLOCK; blk++) {
        int y0 = blk * BLOCK, y1 = y0 + BLOCK;
        int first = y0 - by; first = (int)floor((double)first / wy) * wy;
        /* Rows outside the raster read the zero margins (interior is what is checked). */
        for (int r = first; r <= y1 - 1 + ay; r++) row(A, B, O, r, y0, y1, ws);
      }
      free(ws->S); free(ws->G); free(ws);
    }
    t = now() - t; if (t < best) best = t;
  }
  // check interior against direct double
  double maxerr = 0; long n = 0;
  for (int y = by + 1; y < H - ay - 1; y += 37) for (int x = bx; x < W - ax; x++) {
    double p1 = 0, p2 = 0, cr = 0, ci = 0;
    for (int dy = -by; dy <= ay; dy++) for (int dx = -bx; dx <= ax; dx++) {
      long i = 2L * ((long)(y + dy) * W + x + dx); double a = A[i], b = A[i+1], c = B[i], d = B[i+1];
      p1 += a*a + b*b; p2 += c*c + d*d; cr += a*c + b*d; ci += b*c - a*d; }
    double g = p1 * p2 > 0 ? sqrt((cr*cr + ci*ci) / (p1 * p2)) : 0, e = fabs(g - O[(long)y * W + x]);
    if (e > maxerr) maxerr = e;
    n++;
  }
  double mpx = (double)W * H / best / 1e6, bound = triad(threads) / 20 / 1e6;
  printf("segment van Herk %dx%d, %d threads: %.1f Mpx/s; bound %.1f; %.0f %% of bound; max err %.2g over %ld\n", wx, wy, threads, mpx, bound, 100 * mpx / bound, maxerr, n);
  return 0;
}
