package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// thousands formats v rounded to an integer with comma separators: 15052.4 → "15,052".
func thousands(v float64) string {
	s := strconv.FormatInt(int64(math.Round(v)), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func rate(v float64) string { return thousands(v) + "/s" }

// micros formats a duration given in microseconds.
func micros(us float64) string {
	switch {
	case us >= 1e6:
		return fmt.Sprintf("%.2f s", us/1e6)
	case us >= 1000:
		return fmt.Sprintf("%.2f ms", us/1000)
	case us >= 10:
		return fmt.Sprintf("%.0f µs", us)
	default:
		return fmt.Sprintf("%.1f µs", us)
	}
}

// nanos formats a duration given in nanoseconds.
func nanos(ns float64) string {
	if ns >= 1000 {
		return micros(ns / 1000)
	}
	if ns >= 100 {
		return fmt.Sprintf("%.0f ns", ns)
	}
	return fmt.Sprintf("%.1f ns", ns)
}

func kib(v float64) string { return fmt.Sprintf("%.1f KiB", v) }

func ratio(v float64) string {
	switch {
	case v == 0 || math.IsNaN(v) || math.IsInf(v, 0):
		return "—"
	case v < 0.01:
		return fmt.Sprintf("%.5f×", v)
	default:
		return fmt.Sprintf("%.2f×", v)
	}
}

// plain formats a number with up to 2 decimals and no trailing zeros.
func plain(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}
