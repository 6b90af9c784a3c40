package loadgen

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestHistogramBuckets(t *testing.T) {
	prev := -1
	for _, v := range []uint64{0, 1, 127, 128, 129, 255, 256, 257, 1000, 1 << 20, 123456789, 1<<40 + 12345, 1 << 62} {
		i := bucketOf(v)
		if i < prev {
			t.Fatalf("bucketOf(%d) = %d, below the previous bucket %d", v, i, prev)
		}
		prev = i
		lo, hi := bucketLow(i), bucketLow(i+1)
		if v < lo || v >= hi {
			t.Fatalf("value %d in bucket %d = [%d, %d)", v, i, lo, hi)
		}
		if v >= subCount && float64(hi-lo)/float64(lo) > 1.0/subCount {
			t.Fatalf("bucket %d = [%d, %d) is wider than 1/%d", i, lo, hi, subCount)
		}
	}
	for i := 0; i < numBuckets-1; i++ {
		if bucketOf(bucketLow(i)) != i || bucketOf(bucketLow(i+1)-1) != i {
			t.Fatalf("bucket %d does not round-trip its edges", i)
		}
	}
}

func TestHistogramQuantiles(t *testing.T) {
	a, b := NewHistogram(), NewHistogram()
	values := rand.Perm(10000)
	for i, v := range values {
		d := time.Duration(v+1) * time.Microsecond // 1 µs … 10 ms, uniform
		if i%2 == 0 {
			a.Record(d)
		} else {
			b.Record(d)
		}
	}
	a.Merge(b)
	if a.Count() != 10000 || a.Min() != time.Microsecond || a.Max() != 10*time.Millisecond {
		t.Fatalf("count %d min %v max %v", a.Count(), a.Min(), a.Max())
	}
	for _, c := range []struct {
		q    float64
		want time.Duration
	}{{0.5, 5 * time.Millisecond}, {0.99, 9900 * time.Microsecond}, {0.999, 9990 * time.Microsecond}, {1, 10 * time.Millisecond}} {
		got := a.Quantile(c.q)
		if got < c.want || float64(got-c.want) > float64(c.want)/subCount {
			t.Errorf("Quantile(%v) = %v, want %v within 1/%d above", c.q, got, c.want, subCount)
		}
	}
	if m := a.Mean(); m < 4990*time.Microsecond || m > 5050*time.Microsecond {
		t.Errorf("Mean = %v, want about 5 ms", m)
	}
	if NewHistogram().Quantile(0.99) != 0 {
		t.Error("an empty histogram has a p99")
	}
}

func TestHistogramRecordDoesNotAllocate(t *testing.T) {
	h := NewHistogram()
	if n := testing.AllocsPerRun(1000, func() { h.Record(1234567) }); n != 0 {
		t.Fatalf("Record allocates %v times", n)
	}
}
