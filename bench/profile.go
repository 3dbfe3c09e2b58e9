// The state one profile run shares across its phases, and the order the phases run in.

package main

import (
	"crypto/rand"
	"fmt"
	"math"
	"net/http"
	"os"
	"sync"
	"time"
)

// profiles are the configurations a run compares: environment only, no code change. `tuned` is all of
// the changes together; the others isolate one change each. docs/performance.md explains each entry.
var profiles = map[string]map[string]string{
	"default": {},
	"tuned": {
		"SPRING_THREADS_VIRTUAL_ENABLED":         "true", // all: request handling on virtual threads
		"LOGGING_LEVEL_COM_SWN_GATEWAY_ACCESS":   "WARN", // gateway: no access-log line per request (hot path)
		"ORDER_LISTENER_MAX_CONCURRENT_MESSAGES": "40",   // ordering: up to 4 polls of 10 in flight instead of 1
	},
	"no-access-log":   {"LOGGING_LEVEL_COM_SWN_GATEWAY_ACCESS": "WARN"},
	"virtual-threads": {"SPRING_THREADS_VIRTUAL_ENABLED": "true"},
	"listener-40":     {"ORDER_LISTENER_MAX_CONCURRENT_MESSAGES": "40"},
	// The share of requests traced as deployed (infra-cdk's TRACE_SAMPLING; profile_test.go keeps the two
	// equal) instead of every request as `make up` does: what tracing costs per request in AWS.
	"sampling-0.1": {"TRACING_SAMPLING_PROBABILITY": "0.1"},
	// The JIT's C1 compiler only (no C2): what the start-up variant of the same name saves, priced in
	// CPU per request once warm.
	"c1-only": {"JAVA_TOOL_OPTIONS": "-XX:TieredStopAtLevel=1"},
	// Every compile threshold ten times higher: a quarter less CPU to start (docs/performance.md, eighth
	// pass), priced here once warm and in how long the warm-up takes.
	"compile-threshold-10": {"JAVA_TOOL_OPTIONS": "-XX:CompileThresholdScaling=10"},
}

func envList(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	return out
}

var jvmVariants = []jvmVariant{
	{Name: "jar", Flags: nil},
	{Name: "extracted", Flags: nil, Extracted: true},
	{Name: "extracted+AOT cache", Flags: nil, Extracted: true, AOT: true},
	// jvm.options runs Spring AOT's generated code; this variant shows what it saves (-D options win
	// over the argument file's when they come after it).
	{Name: "extracted+AOT cache, no Spring AOT", Flags: []string{"-Dspring.aot.enabled=false"}, Extracted: true, AOT: true},
	// On two cores the JIT's compiler threads take about half the CPU of a start; with C1 alone the
	// start needs far less. The profile c1-only shows what it costs per request.
	{Name: "extracted+AOT cache, C1 only", Flags: []string{"-XX:TieredStopAtLevel=1"}, Extracted: true, AOT: true},
}

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// rssSampler records the highest RSS of each process while running.
type rssSampler struct {
	mu   sync.Mutex
	max  map[string]float64
	stop chan struct{}
}

func sampleRSS(ps map[string]*proc) *rssSampler {
	s := &rssSampler{max: map[string]float64{}, stop: make(chan struct{})}
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-s.stop:
				return
			case <-t.C:
				s.mu.Lock()
				for name, p := range ps {
					if v := rssMB(p.Pid()); v > s.max[name] {
						s.max[name] = round(v, 0)
					}
				}
				s.mu.Unlock()
			}
		}
	}()
	return s
}

func (s *rssSampler) Stop() map[string]float64 {
	close(s.stop)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.max
}

// phaseRun is what the phases of one profile run share: the system, the emulator's clients, the
// HTTP client, the options, the result each phase fills in and the running service processes.
type phaseRun struct {
	sys    *system
	aws    *awsClient
	client *http.Client
	o      options
	res    *profileResult
	ps     map[string]*proc
}

// profilePhases run in this order, each unless -skip names it. The basket path is last: it leaves
// thousands of baskets, idempotency records and orders behind, and some emulators get slower as
// tables grow (moto copies every table a transaction touches; Floci's writes slow down): run before
// the journey on moto, it turned a 76 ms p50 into 48 s. The add phase leaves only a few short baskets
// (each connection's is emptied every addResetEvery adds), so it runs next to the read path.
var profilePhases = []struct {
	name string
	run  func(*phaseRun)
}{
	{"read", readPath},
	{"add", addPath},
	{"consumer", consumer},
	{"journey", journey},
	{"basket", basketPath},
}

// warmUp runs closed-loop rounds of do (JIT warm-up) until two consecutive rounds agree within
// o.WarmupAgree, at least o.WarmupMin and at most o.WarmupMax rounds; it returns each round's rate,
// rounded to places.
func warmUp(o options, label string, places int, setup, do func(worker int) error) []float64 {
	warm := parseDuration(o.WarmupRound)
	var rates []float64
	prev := 0.0
	for i := 0; i < o.WarmupMax; i++ {
		r := closedLoopWithSetup(o.Concurrency, warm, setup, do)
		rates = append(rates, round(r.Throughput, places))
		logf("%s warm-up round %d: %.1f/s (p99 %.1f ms, errors %d %s, load %s)", label, i+1, r.Throughput, r.P99, r.Errors, r.FirstError, loadAverage())
		if i+1 >= o.WarmupMin && prev > 0 && math.Abs(r.Throughput-prev)/prev <= o.WarmupAgree {
			break
		}
		prev = r.Throughput
	}
	return rates
}

func runProfile(sys *system, aws *awsClient, o options, skip map[string]bool, name string, env map[string]string) *profileResult {
	res := &profileResult{ReadyS: map[string]float64{}, RSSIdleMB: map[string]float64{}}
	logf("== profile %s: starting the system (load %s)", name, loadAverage())
	ps := map[string]*proc{}
	for _, svc := range []service{product, basket, ordering, ordering2, gateway} {
		p, ready, err := sys.start(svc, jvmVariants[0], envList(env), 4*time.Minute)
		must(err)
		ps[svc.Name] = track(p)
		res.ReadyS[svc.Name] = round(ready.Seconds(), 2)
	}
	time.Sleep(10 * time.Second)
	sys.cpuPids = map[string]int{"bench": os.Getpid()}
	if sys.emulatorPid > 0 {
		sys.cpuPids["emulator"] = sys.emulatorPid
	}
	if o.PeerPid > 0 {
		sys.cpuPids["peer"] = o.PeerPid
	}
	for n, p := range ps {
		res.RSSIdleMB[n] = round(rssMB(p.Pid()), 0)
		sys.cpuPids[n] = p.Pid()
	}
	sampler := sampleRSS(ps)
	run := &phaseRun{sys: sys, aws: aws, client: newHTTPClient(o.Concurrency), o: o, res: res, ps: ps}
	for _, phase := range profilePhases {
		if !skip[phase.name] {
			phase.run(run)
		}
	}
	res.RSSLoadMB = sampler.Stop()
	for _, n := range []string{"gateway", "ordering-service-2", "ordering-service", "basket-service", "product-service"} {
		ps[n].Stop(30 * time.Second)
	}
	return res
}

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
