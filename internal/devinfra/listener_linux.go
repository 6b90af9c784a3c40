package devinfra

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// listensOn reports whether a process of group pgid holds a listening TCP socket on port,
// read from /proc: the sockets in LISTEN state on that port (IPv4 or IPv6), then the file
// descriptors of the group's processes.
//
// A readiness probe alone cannot tell our server from another that bound the port first.
// Two harnesses (two test binaries run in parallel by `go test ./...`) can pick the same
// free port; while the second server is still starting, before it fails with "address
// already in use", its probe is answered by the first, and the second harness would then
// use — and stop, or restart on that port — a server that is not its own.
func listensOn(pgid, port int) bool {
	sockets := listeningSockets(port)
	if len(sockets) == 0 {
		return false
	}
	procs, err := os.ReadDir("/proc")
	if err != nil {
		return false
	}
	for _, p := range procs {
		if _, err := strconv.Atoi(p.Name()); err != nil || processGroup(p.Name()) != pgid {
			continue
		}
		fds, _ := os.ReadDir("/proc/" + p.Name() + "/fd")
		for _, fd := range fds {
			if link, err := os.Readlink("/proc/" + p.Name() + "/fd/" + fd.Name()); err == nil && sockets[link] {
				return true
			}
		}
	}
	return false
}

// listeningSockets returns the "socket:[INODE]" names of the TCP sockets listening on port.
func listeningSockets(port int) map[string]bool {
	const listen = "0A" // TCP_LISTEN in /proc/net/tcp's st column
	sockets := map[string]bool{}
	for _, table := range []string{"/proc/net/tcp", "/proc/net/tcp6"} {
		f, err := os.Open(table)
		if err != nil {
			continue
		}
		lines := bufio.NewScanner(f)
		lines.Scan() // the header
		for lines.Scan() {
			// sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
			fields := strings.Fields(lines.Text())
			if len(fields) < 10 || fields[3] != listen {
				continue
			}
			_, hexPort, _ := strings.Cut(fields[1], ":")
			if p, err := strconv.ParseUint(hexPort, 16, 16); err == nil && int(p) == port {
				sockets["socket:["+fields[9]+"]"] = true
			}
		}
		f.Close()
	}
	return sockets
}

// processGroup returns the process group of pid, or -1 when it cannot be read.
func processGroup(pid string) int {
	stat, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return -1
	}
	// pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
	i := strings.LastIndexByte(string(stat), ')')
	if i < 0 {
		return -1
	}
	fields := strings.Fields(string(stat[i+1:]))
	if len(fields) < 3 {
		return -1
	}
	pgrp, err := strconv.Atoi(fields[2])
	if err != nil {
		return -1
	}
	return pgrp
}
