package devinfra

import "syscall"

// sysProcAttr puts the child in its own process group, so Stop can signal everything it
// forks, and has the kernel SIGKILL it if the thread that started it dies. Go does not end
// threads while goroutines run on them (only a goroutine that exits while locked to its
// thread takes the thread down), so in practice this fires when the parent process dies.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
