//go:build unix && !linux

package devinfra

import "syscall"

// sysProcAttr puts the child in its own process group, so Stop can signal everything it
// forks. Outside Linux there is no parent-death signal: a killed parent leaves the server
// running.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
