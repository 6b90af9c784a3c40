package fanout

import "testing"

func TestQueue(t *testing.T) {
	t.Run("DeliversUntilFull", func(t *testing.T) {
		q := NewQueue[int](2)
		for i, want := range []bool{true, true, false} {
			if got := q.Offer(i); got != want {
				t.Fatalf("Offer(%d) = %v, want %v", i, got, want)
			}
		}
		if v := <-q.C(); v != 0 {
			t.Fatalf("first value %d, want 0", v)
		}
		if !q.Offer(3) {
			t.Fatal("Offer after a receive = false, want true: there is room again")
		}
	})
	t.Run("ClosesOnce", func(t *testing.T) {
		q := NewQueue[int](2)
		q.Offer(1)
		if !q.Close() {
			t.Fatal("first Close = false, want true")
		}
		if q.Close() {
			t.Fatal("second Close = true, want false")
		}
		if q.Offer(2) {
			t.Fatal("Offer after Close = true, want false")
		}
		var got []int
		for v := range q.C() {
			got = append(got, v)
		}
		if len(got) != 1 || got[0] != 1 {
			t.Fatalf("subscriber read %v, want [1] and then the channel closed", got)
		}
	})
}
