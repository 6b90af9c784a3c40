package devinfra

import (
	"context"
	"fmt"
	"os"
	"time"
)

// A test package that shares one emulator or Redis among its tests starts it in TestMain:
//
//	func TestMain(m *testing.M) {
//		os.Exit(devinfra.WithFirestore(func(host string) int { emulatorHost = host; return m.Run() }))
//	}

// WithFirestore starts a Firestore emulator (within two minutes), calls run with its host
// and stops it, returning run's exit code; when the emulator does not start it says why
// on stderr and returns 1.
func WithFirestore(run func(host string) int) int {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	emu, err := StartFirestore(ctx, FirestoreOptions{})
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "starting the Firestore emulator:", err)
		return 1
	}
	defer emu.Stop()
	return run(emu.Host)
}

// WithRedis starts a Redis (within a minute), calls run with it and stops it, returning
// run's exit code; when Redis does not start it says why on stderr and returns 1.
func WithRedis(run func(r *Redis) int) int {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	r, err := StartRedis(ctx, RedisOptions{})
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "starting Redis:", err)
		return 1
	}
	defer r.Stop()
	return run(r)
}
