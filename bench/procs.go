package main

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// service is one JVM the benchmark starts: module (jar), port, readiness path.
type service struct {
	Name   string
	Module string
	Port   int
	Health string
}

const version = "0.1.0-SNAPSHOT"

// proc is a running child process (its own process group, so stopping it stops its children too).
type proc struct {
	Name string
	Cmd  *exec.Cmd
	Log  string
	done chan struct{}
}

func (p *proc) Pid() int { return p.Cmd.Process.Pid }

func (p *proc) Alive() bool {
	select {
	case <-p.done:
		return false
	default:
		return true
	}
}

func startProc(name, logPath, dir string, env []string, args ...string) (*proc, error) {
	logFile, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	p := &proc{Name: name, Cmd: cmd, Log: logPath, done: make(chan struct{})}
	go func() { cmd.Wait(); logFile.Close(); close(p.done) }()
	// Every child is registered at once, so an interrupt stops it even while it is still starting.
	procsMu.Lock()
	defer procsMu.Unlock()
	if stopping {
		go p.Stop(5 * time.Second)
		return nil, fmt.Errorf("stopping")
	}
	procs = append(procs, p)
	return p, nil
}

// Stop sends SIGTERM to the process group, waits up to timeout, then SIGKILLs it.
func (p *proc) Stop(timeout time.Duration) {
	if p == nil || !p.Alive() {
		return
	}
	syscall.Kill(-p.Pid(), syscall.SIGCONT) // a stopped process cannot handle SIGTERM
	syscall.Kill(-p.Pid(), syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(timeout):
		syscall.Kill(-p.Pid(), syscall.SIGKILL)
		<-p.done
	}
}

func (p *proc) Freeze() { syscall.Kill(-p.Pid(), syscall.SIGSTOP) }
func (p *proc) Thaw()   { syscall.Kill(-p.Pid(), syscall.SIGCONT) }

// rssMB is the resident set size of the process (VmRSS), in MiB.
func rssMB(pid int) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if strings.HasPrefix(s.Text(), "VmRSS:") {
			fields := strings.Fields(s.Text())
			kb, _ := strconv.ParseFloat(fields[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// waitReady polls url until it answers 200 with "UP" (every 50 ms); returns the time since `since`.
func waitReady(p *proc, url string, since time.Time, timeout time.Duration) (time.Duration, error) {
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if !p.Alive() {
			return 0, fmt.Errorf("%s exited during start-up; see %s", p.Name, p.Log)
		}
		resp, err := client.Get(url)
		if err == nil {
			buf := make([]byte, 512)
			n, _ := resp.Body.Read(buf)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(buf[:n]), `"UP"`) {
				return time.Since(since), nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return 0, fmt.Errorf("%s not ready at %s within %s; see %s", p.Name, url, timeout, p.Log)
}

// jvmVariant is how a service's JVM is launched.
type jvmVariant struct {
	Name  string   `json:"name"`
	Flags []string `json:"flags"`
	// AOT: run the extracted jar with an AOT cache trained on this machine (Java 25, JEP 514/515).
	AOT bool `json:"aot"`
	// Extracted: run the jar extracted with `-Djarmode=tools extract` (what the AOT cache needs).
	Extracted bool `json:"extracted"`
}

type system struct {
	root     string
	out      string
	java     string
	endpoint string
	env      []string
	basePort int
	// processes whose CPU time is measured per operation (name -> pid), and an emulator's pid if known
	cpuPids     map[string]int
	emulatorPid int
}

// jar is a module's packaged jar; a module is a folder of the repository named as its artifact.
func (s *system) jar(module string) string {
	return filepath.Join(s.root, module, "target", filepath.Base(module)+"-"+version+".jar")
}

func (s *system) serviceEnv(svc service, extra []string) []string {
	env := append([]string{}, s.env...)
	env = append(env,
		"SERVER_PORT="+strconv.Itoa(svc.Port),
		fmt.Sprintf("PRODUCT_SERVICE_URL=http://127.0.0.1:%d", s.basePort+1),
		fmt.Sprintf("BASKET_SERVICE_URL=http://127.0.0.1:%d", s.basePort+2),
		fmt.Sprintf("ORDERING_SERVICE_URL=http://127.0.0.1:%d", s.basePort+3),
	)
	return append(env, extra...)
}

// jvmOptions are the options make up gives every service (scripts/up.sh): the image's jvm.options and
// the developer machine's jvm-local.options, as argument files.
func (s *system) jvmOptions() []string {
	return []string{"@" + filepath.Join(s.root, "jvm.options"), "@" + filepath.Join(s.root, "jvm-local.options")}
}

// cacheName is the file of a variant's AOT cache, one per set of flags: -XX:AOTCacheOutput takes a list
// of files separated by ':', so the name has none (nor any other separator).
func cacheName(v jvmVariant) string {
	return "app" + strings.NewReplacer("-", "", "=", "_", ".", "_", ":", "_", "/", "_").Replace(strings.Join(v.Flags, "")) + ".aot"
}

// extracted prepares <out>/aot/<module>/ (the extracted jar) once; for a variant with an AOT cache, also
// its cache, trained with the variant's flags (one cache per set of flags).
func (s *system) extracted(svc service, v jvmVariant) (string, string, error) {
	dir := filepath.Join(s.out, "aot", filepath.Base(svc.Module))
	jar := filepath.Join(dir, filepath.Base(svc.Module)+"-"+version+".jar")
	cache := filepath.Join(dir, cacheName(v))
	train := v.AOT
	if _, err := os.Stat(jar); err != nil {
		cmd := exec.Command(s.java, "-Djarmode=tools", "-jar", s.jar(svc.Module), "extract", "--force", "--destination", dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", "", fmt.Errorf("extract %s: %v: %s", svc.Module, err, out)
		}
	}
	if train {
		if _, err := os.Stat(cache); err != nil {
			// The training run of the image and of make up (scripts/aot-train.sh): the service starts on
			// a free port, answers its health requests, then the JVM stops and writes the cache.
			logPath := filepath.Join(s.out, "logs", svc.Name+"-aot-training.log")
			args := append([]string{filepath.Join(s.root, "scripts", "aot-train.sh"), jar, cache}, s.jvmOptions()...)
			args = append(args, v.Flags...)
			javaHome := "JAVA_HOME=" + filepath.Dir(filepath.Dir(s.java))
			p, err := startProc(svc.Name+"-training", logPath, dir, s.serviceEnv(svc, []string{javaHome}), args...)
			if err != nil {
				return "", "", err
			}
			select {
			case <-p.done:
			case <-time.After(5 * time.Minute):
				p.Stop(5 * time.Second)
			}
			// A failed refresh still writes a cache, one without the beans after the failure; the script
			// fails, too, when no cache was written.
			if state := p.Cmd.ProcessState; state == nil || !state.Success() {
				os.Remove(cache)
				return "", "", fmt.Errorf("AOT training of %s failed (%v); see %s", svc.Module, state, logPath)
			}
		}
	}
	return jar, cache, nil
}

// start launches one service with a JVM variant and extra environment; returns the process and the
// time to ready (measured from just before exec).
func (s *system) start(svc service, v jvmVariant, extraEnv []string, timeout time.Duration) (*proc, time.Duration, error) {
	if svc.Port < s.basePort {
		return nil, 0, fmt.Errorf("%s: port %d is an offset, not a port (offsetPorts had not run when it was copied)", svc.Name, svc.Port)
	}
	args := append([]string{s.java}, s.jvmOptions()...)
	args = append(args, v.Flags...)
	jar := s.jar(svc.Module)
	if v.AOT || v.Extracted {
		var cache string
		var err error
		jar, cache, err = s.extracted(svc, v)
		if err != nil {
			return nil, 0, err
		}
		if v.AOT {
			args = append(args, "-XX:AOTCache="+cache)
		}
	}
	args = append(args, "-jar", jar)
	logPath := filepath.Join(s.out, "logs", fmt.Sprintf("%s-%s-%d.log", svc.Name, v.Name, time.Now().UnixNano()))
	t0 := time.Now()
	p, err := startProc(svc.Name, logPath, s.root, s.serviceEnv(svc, extraEnv), args...)
	if err != nil {
		return nil, 0, err
	}
	ready, err := waitReady(p, fmt.Sprintf("http://127.0.0.1:%d%s", svc.Port, svc.Health), t0, timeout)
	if err != nil {
		p.Stop(10 * time.Second)
		return nil, 0, err
	}
	return p, ready, nil
}

func portFree(port int) bool {
	c, err := (&http.Client{Timeout: 300 * time.Millisecond}).Get(fmt.Sprintf("http://127.0.0.1:%d/", port))
	if err == nil {
		c.Body.Close()
		return false
	}
	return strings.Contains(err.Error(), "refused")
}

// cpuSeconds is the CPU time (user + system, all threads) a process has used so far.
func cpuSeconds(pid int) float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	text := string(data)
	// Fields after the command name, which is in parentheses and may contain spaces.
	fields := strings.Fields(text[strings.LastIndex(text, ")")+2:])
	if len(fields) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(fields[11], 64)
	stime, _ := strconv.ParseFloat(fields[12], 64)
	return (utime + stime) / 100 // USER_HZ is 100 on Linux
}

// cpuMeter measures the CPU time of named processes over an interval.
type cpuMeter struct {
	pids  map[string]int
	start map[string]float64
}

func meterCPU(pids map[string]int) *cpuMeter {
	m := &cpuMeter{pids: pids, start: map[string]float64{}}
	for name, pid := range pids {
		m.start[name] = cpuSeconds(pid)
	}
	return m
}

// perOp returns CPU milliseconds per operation for each process since the meter started.
func (m *cpuMeter) perOp(ops int) map[string]float64 {
	out := map[string]float64{}
	for name, pid := range m.pids {
		if ops > 0 {
			out[name] = round((cpuSeconds(pid)-m.start[name])*1000/float64(ops), 3)
		}
	}
	return out
}
