// Package fanout holds the one rule of Northstar's in-process fan-outs (the chat bus's
// topics, the routing registry's change stream): the publisher hands each subscriber a
// value through the subscriber's bounded queue and never waits for it; a subscriber whose
// queue is full has fallen behind and is disconnected (its channel closes), so a slow
// consumer never stalls the publisher or the other subscribers. A disconnected subscriber
// recovers on its own: it subscribes again and re-reads what it may have missed.
package fanout

// Queue is one subscriber's bounded queue. Its publisher side (Offer, Close) is not safe
// for concurrent use: callers serialize it under the lock of their set of subscribers,
// which they hold anyway to remove a subscriber they drop.
type Queue[T any] struct {
	ch     chan T
	closed bool
}

// NewQueue returns a queue that holds up to size values.
func NewQueue[T any](size int) *Queue[T] { return &Queue[T]{ch: make(chan T, size)} }

// C is the subscriber's side of the queue. It closes when the queue is closed.
func (q *Queue[T]) C() <-chan T { return q.ch }

// Offer hands v to the subscriber without waiting. It returns false, delivering nothing,
// when the queue is closed or full: a full queue means the subscriber fell behind, and the
// caller drops it.
func (q *Queue[T]) Offer(v T) bool {
	if q.closed {
		return false
	}
	select {
	case q.ch <- v:
		return true
	default:
		return false
	}
}

// Close closes the subscriber's channel. It reports whether this call closed it, so that
// the caller's clean-up runs once whichever path drops the subscriber first (a full
// queue, its context ending, shutdown).
func (q *Queue[T]) Close() bool {
	if q.closed {
		return false
	}
	q.closed = true
	close(q.ch)
	return true
}
