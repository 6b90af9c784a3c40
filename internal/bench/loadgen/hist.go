package loadgen

import (
	"math/bits"
	"time"
)

// subBits sets the histogram's precision: each power of two is split into 2^subBits
// linear buckets, so a recorded value is known to within 1/128 (0.8%).
const subBits = 7

const (
	subCount   = 1 << subBits
	numBuckets = (64 - subBits + 1) << subBits
)

// Histogram records durations with HdrHistogram-style log-linear buckets: exact below
// 128 ns, then 128 buckets per power of two. Record does not allocate. A Histogram is not
// safe for concurrent use: give each worker its own and Merge them.
type Histogram struct {
	counts [numBuckets]uint64
	total  uint64
	min    time.Duration
	max    time.Duration
}

// NewHistogram returns an empty histogram.
func NewHistogram() *Histogram { return &Histogram{} }

func bucketOf(v uint64) int {
	if v < subCount {
		return int(v)
	}
	n := bits.Len64(v) // > subBits
	top := v >> (n - subBits - 1)
	return (n-subBits)<<subBits + int(top-subCount)
}

// bucketLow returns the smallest value of bucket i; bucketLow(i+1)-1 is its largest.
func bucketLow(i int) uint64 {
	if i < 2*subCount {
		return uint64(i)
	}
	g := i >> subBits
	m := uint64(i&(subCount-1)) + subCount
	return m << (g - 1)
}

// Record adds one duration; negative durations count as 0.
func (h *Histogram) Record(d time.Duration) {
	if d < 0 {
		d = 0
	}
	h.counts[bucketOf(uint64(d))]++
	if h.total == 0 || d < h.min {
		h.min = d
	}
	if d > h.max {
		h.max = d
	}
	h.total++
}

// Merge adds o's counts to h.
func (h *Histogram) Merge(o *Histogram) {
	if o.total == 0 {
		return
	}
	for i, c := range o.counts {
		h.counts[i] += c
	}
	if h.total == 0 || o.min < h.min {
		h.min = o.min
	}
	if o.max > h.max {
		h.max = o.max
	}
	h.total += o.total
}

// Count returns the number of recorded values.
func (h *Histogram) Count() uint64 { return h.total }

// Max returns the largest recorded value, exactly.
func (h *Histogram) Max() time.Duration { return h.max }

// Min returns the smallest recorded value, exactly.
func (h *Histogram) Min() time.Duration { return h.min }

// Quantile returns the value at quantile q (0 < q ≤ 1): the upper edge of the bucket that
// holds the ceil(q·n)-th smallest value, capped at Max. It returns 0 when h is empty.
func (h *Histogram) Quantile(q float64) time.Duration {
	if h.total == 0 {
		return 0
	}
	rank := uint64(q*float64(h.total) + 0.999999)
	rank = max(1, min(rank, h.total))
	var seen uint64
	for i, c := range h.counts {
		if seen += c; seen >= rank {
			hi := time.Duration(bucketLow(i+1) - 1)
			return min(max(hi, h.min), h.max)
		}
	}
	return h.max
}

// Mean returns the average of the recorded values, from the bucket midpoints.
func (h *Histogram) Mean() time.Duration {
	if h.total == 0 {
		return 0
	}
	var sum float64
	for i, c := range h.counts {
		if c != 0 {
			sum += float64(c) * (float64(bucketLow(i)) + float64(bucketLow(i+1)-1)) / 2
		}
	}
	return time.Duration(sum / float64(h.total))
}
