// Command bench measures the system in one run and writes a Markdown and a JSON report (make bench).
// It starts its own emulator (moto, unless AWS_ENDPOINT_URL names one) and its own JVMs on ports
// BASE_PORT..BASE_PORT+5 (default 18080..18085, the local token issuer on the last; so it does not collide with `make up`), and measures:
//  1. read path: GET /product/{id} via the gateway, direct to the service, and the same GetItem sent
//     straight to the emulator, with the same client and concurrency (with -peer-url also a basket
//     read and the peer's cart read); then add to basket, POST /basket/{user}/items straight to the
//     basket service with its AWS calls per add by operation (and the peer's POST /carts/{id}/items);
//  2. consumer: draining N pre-filled CheckoutBasket events with 1 and 2 ordering instances vs. a raw
//     receive/delete loop with as many pollers;
//  3. checkout -> order visible at a fixed arrival rate;
//  4. start-up time to ready and RSS idle / under load per service, per JVM variant;
//
// then repeats 1-3 with a tuned configuration (environment only) for a before/after.
// Run `go run . -h` for the options; docs/performance.md explains the protocol and the results.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

type options struct {
	Concurrency   int     `json:"concurrency"`
	Round         string  `json:"round"`
	Reps          int     `json:"reps"`
	WarmupRound   string  `json:"warmup_round"`
	WarmupMax     int     `json:"warmup_max_rounds"`
	WarmupMin     int     `json:"warmup_min_rounds"`
	WarmupAgree   float64 `json:"warmup_agree"`
	Products      int     `json:"products"`
	Messages      int     `json:"messages"`
	WarmMessages  int     `json:"warmup_messages"`
	JourneyRate   float64 `json:"journey_rate_per_s"`
	JourneyFor    string  `json:"journey_duration"`
	JourneyWarmup string  `json:"journey_warmup"`
	PollInterval  string  `json:"poll_interval"`
	StartupReps   int     `json:"startup_reps"`
	// The start-up phase's selection (empty: all) and extra variants (see startupVariants).
	StartupServices string `json:"startup_services,omitempty"`
	StartupVariants string `json:"startup_variants,omitempty"`
	StartupFlags    string `json:"startup_flags,omitempty"`
	// Also start the reference applications of bench/reference (referenceApps), built by the run.
	StartupReference bool   `json:"startup_reference,omitempty"`
	BasePort         int    `json:"base_port"`
	Skip             string `json:"skip"`
	Profiles         string `json:"profiles"`
	Label            string `json:"label"`
	PeerURL          string `json:"peer_url,omitempty"`
	PeerPid          int    `json:"peer_pid,omitempty"`
}

type report struct {
	Started      time.Time                    `json:"started"`
	Finished     time.Time                    `json:"finished"`
	Command      string                       `json:"command"`
	Machine      map[string]string            `json:"machine"`
	Emulator     map[string]string            `json:"emulator"`
	Options      options                      `json:"options"`
	Protocol     []string                     `json:"protocol"`
	Startup      []startupResult              `json:"startup,omitempty"`
	Profiles     map[string]*profileResult    `json:"profiles"`
	ProfileOrder []string                     `json:"profile_order"`
	ProfileEnv   map[string]map[string]string `json:"profile_env"`
	LoadAverage  map[string]string            `json:"load_average"`
	Notes        []string                     `json:"notes"`
}

type startupResult struct {
	Service   string    `json:"service"`
	Variant   string    `json:"variant"`
	ReadyS    []float64 `json:"ready_s"`
	IdleRSSMB []float64 `json:"idle_rss_mb"`
	MedReadyS float64   `json:"median_ready_s"`
	MedRSSMB  float64   `json:"median_idle_rss_mb"`
	// CPU seconds (all threads) the JVM used until it was ready: what a start costs where the task has
	// less than the two cores of this machine (a Fargate task of 0.5 vCPU needs at least twice this).
	CPUToReadyS    []float64 `json:"cpu_to_ready_s"`
	MedCPUToReadyS float64   `json:"median_cpu_to_ready_s"`
	// Where the ready time went, from Spring Boot's "Started … in X seconds (process running for Y)":
	// the JVM until SpringApplication.run (Y - X), Spring's run (X), and "Started" to the first ready
	// answer (ready - Y). Medians; a run whose log has no such line is left out of them.
	MedJVMBeforeSpringS float64 `json:"median_jvm_before_spring_s"`
	MedSpringRunS       float64 `json:"median_spring_run_s"`
	MedStartedToReadyS  float64 `json:"median_started_to_ready_s"`
}

type profileResult struct {
	Warmup []float64         `json:"warmup_rounds_per_s,omitempty"`
	Read   map[string]Result `json:"read_median,omitempty"`
	// with -peer-url: warm-up rounds (req/s) of the basket read and the peer's cart read
	ReadWarmup  map[string][]float64 `json:"read_warmup_rounds_per_s,omitempty"`
	ReadRounds  map[string][]Result  `json:"read_rounds,omitempty"`
	Consumer    map[string]drainStat `json:"consumer_median,omitempty"`
	ConsumerRaw map[string][]float64 `json:"consumer_rounds_per_s,omitempty"`
	// CPU ms per message of each instance's warm-up drains, in order
	ConsumerWarmup map[string][]float64 `json:"consumer_warmup_cpu_ms_per_message,omitempty"`
	BasketWarmup   []float64            `json:"basket_warmup_rounds_per_s,omitempty"`
	Basket         *Result              `json:"basket_median,omitempty"` // per basket: one add-item + one checkout
	// Add-to-basket alone (and the peer's add-to-cart), by target: warm-up req/s, rounds, medians
	AddWarmup map[string][]float64 `json:"add_warmup_rounds_per_s,omitempty"`
	AddRounds map[string][]Result  `json:"add_rounds,omitempty"`
	Add       map[string]Result    `json:"add_median,omitempty"`
	Journey   *Result              `json:"journey,omitempty"`
	RSSIdleMB map[string]float64   `json:"rss_idle_mb,omitempty"`
	RSSLoadMB map[string]float64   `json:"rss_max_under_load_mb,omitempty"`
	ReadyS    map[string]float64   `json:"ready_s,omitempty"`
}

type drainStat struct {
	PerSecond float64            `json:"messages_per_s"`
	Seconds   float64            `json:"seconds"`
	Messages  int                `json:"messages"`
	Orders    int                `json:"orders_created,omitempty"`
	CPUms     map[string]float64 `json:"cpu_ms_per_message,omitempty"`
}

var (
	product   = service{"product-service", "product-service", 1, "/actuator/health/readiness"}
	basket    = service{"basket-service", "basket-service", 2, "/actuator/health/readiness"}
	ordering  = service{"ordering-service", "ordering-service", 3, "/actuator/health/readiness"}
	ordering2 = service{"ordering-service-2", "ordering-service", 4, "/actuator/health/readiness"}
	gateway   = service{"gateway", "gateway", 0, "/actuator/health"}
	// The local issuer the services and the gateway trust (AUTH_ISSUER); started once per run.
	authServer = service{"auth-server", "auth-server", 5, "/actuator/health/readiness"}
	// The reference applications (bench/reference, -startup-reference): Spring Boot's own starters and
	// nothing of ours, each one layer more than the one before, up to product-service's starters. Started
	// in the start-up phase beside the services, they show how much of a start is the framework's.
	referenceApps = []service{
		{"reference-web", "bench/reference/reference-web", 6, "/actuator/health/readiness"},
		{"reference-security", "bench/reference/reference-security", 7, "/actuator/health/readiness"},
		{"reference-observability", "bench/reference/reference-observability", 8, "/actuator/health/readiness"},
		{"reference-starters", "bench/reference/reference-starters", 9, "/actuator/health/readiness"},
	}
)

// offsetPorts turns every service's port offset into its port. It runs first: a service copied before it
// (the start-up selection) would keep its offset and start on port 1.
func offsetPorts(base int) {
	for _, svc := range []*service{&product, &basket, &ordering, &ordering2, &gateway, &authServer} {
		svc.Port += base
	}
	for i := range referenceApps {
		referenceApps[i].Port += base
	}
}

func logf(format string, args ...any) {
	fmt.Printf("[bench %s] %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func must(err error) {
	if err != nil {
		logf("error: %v", err)
		cleanup()
		os.Exit(1)
	}
}

var (
	procsMu  sync.Mutex
	procs    []*proc // every child started, in start order (startProc registers them)
	stopping bool
)

func track(p *proc) *proc { return p }

// cleanup stops every child still running, newest first; children started afterwards are stopped at once.
func cleanup() {
	procsMu.Lock()
	stopping = true
	list := procs
	procs = nil
	procsMu.Unlock()
	for i := len(list) - 1; i >= 0; i-- {
		list[i].Stop(30 * time.Second)
	}
}

func loadAverage() string {
	data, _ := os.ReadFile("/proc/loadavg")
	fields := strings.Fields(string(data))
	if len(fields) >= 3 {
		return strings.Join(fields[:3], " ")
	}
	return "?"
}

func main() {
	var o options
	flag.IntVar(&o.Concurrency, "c", 16, "read path: client concurrency (connections), the same for all three targets")
	flag.StringVar(&o.Round, "round", "20s", "read path: length of one measured round")
	flag.IntVar(&o.Reps, "reps", 3, "measured rounds per target (the report quotes medians)")
	flag.StringVar(&o.WarmupRound, "warmup-round", "15s", "warm-up: length of one warm-up round through the gateway")
	flag.IntVar(&o.WarmupMax, "warmup-max", 16, "warm-up: at most this many rounds")
	flag.IntVar(&o.WarmupMin, "warmup-min", 8, "warm-up: at least this many rounds")
	flag.Float64Var(&o.WarmupAgree, "warmup-agree", 0.05, "warm-up ends when two consecutive rounds agree within this ratio")
	flag.IntVar(&o.Products, "products", 50, "products created for the read path")
	flag.IntVar(&o.Messages, "n", 1000, "consumer: checkout events pre-filled per drain")
	flag.IntVar(&o.WarmMessages, "warm-n", 500, "consumer: events of the warm-up drain")
	flag.Float64Var(&o.JourneyRate, "journey-rate", 5, "checkout journeys started per second (open model)")
	flag.StringVar(&o.JourneyFor, "journey-for", "60s", "measured journey duration")
	flag.StringVar(&o.JourneyWarmup, "journey-warmup", "20s", "journey warm-up at the same rate (not reported)")
	flag.StringVar(&o.PollInterval, "poll", "20ms", "journey: interval between polls of the order")
	flag.IntVar(&o.StartupReps, "startup-reps", 3, "start-ups per service and JVM variant")
	flag.StringVar(&o.StartupServices, "startup-services", "", "start-up phase: services to start, separated by ';' (default: product-service;basket-service;ordering-service;gateway)")
	flag.StringVar(&o.StartupVariants, "startup-variants", "", "start-up phase: JVM variants to run, by name, separated by ';' (names have commas; default: all)")
	flag.StringVar(&o.StartupFlags, "startup-flags", "", "start-up phase: extra variants, each the extracted jar with its own AOT cache and these JVM options; ';' between variants, e.g. '-XX:CompileThresholdScaling=10;-Xss512k'")
	flag.BoolVar(&o.StartupReference, "startup-reference", false, "start-up phase: also build and start the reference applications of bench/reference (Spring Boot's own starters only), first in each round")
	flag.IntVar(&o.BasePort, "base-port", 18080, "gateway port; the services use the next four")
	flag.StringVar(&o.Skip, "skip", "", "comma-separated phases to skip: startup,read,add,basket,consumer,journey")
	flag.StringVar(&o.Profiles, "profiles", "default,tuned", "configurations to compare, in order: default,tuned,no-access-log,virtual-threads,listener-40,sampling-0.1,c1-only,compile-threshold-10")
	flag.StringVar(&o.Label, "label", "", "name of the emulator for the report (default: from the endpoint)")
	outDir := flag.String("out", "", "report directory (default .run/bench/<time>)")
	emulatorPid := flag.Int("emulator-pid", 0, "pid of an emulator started outside, to measure its CPU time too")
	flag.StringVar(&o.PeerURL, "peer-url", "", "peer cart service (retail-store-sample-app's src/cart) to compare with: the read and add phases also run GET /carts/{id} and POST /carts/{id}/items there")
	flag.IntVar(&o.PeerPid, "peer-pid", 0, "pid of the peer's JVM, to measure its CPU time per request (with -peer-url)")
	flag.Parse()
	offsetPorts(o.BasePort)
	// A misspelt selection fails here, before minutes of provisioning and training.
	startupSvcs, err1 := startupServices(o)
	startupVars, err2 := startupVariants(o)
	if err := errors.Join(err1, err2); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}

	root, err := os.Getwd() // bench/run.sh runs it from the repository root
	if env := os.Getenv("SWN_ROOT"); env != "" {
		root = env
	}
	must(err)
	r := &report{
		Started: time.Now(), Command: "make bench " + strings.Join(os.Args[1:], " "), Options: o,
		Profiles: map[string]*profileResult{}, LoadAverage: map[string]string{"start": loadAverage()},
		ProfileEnv: map[string]map[string]string{},
	}
	if cmdline := os.Getenv("BENCH_COMMAND"); cmdline != "" {
		r.Command = cmdline
	}
	r.Machine = machineInfo()
	out := *outDir
	if out == "" {
		out = filepath.Join(root, ".run", "bench", time.Now().UTC().Format("20060102T150405Z"))
	}
	must(os.MkdirAll(filepath.Join(out, "logs"), 0o755))
	out, _ = filepath.Abs(out)
	logf("root %s, report in %s, load average %s", root, out, r.LoadAverage["start"])
	skip := map[string]bool{}
	for _, s := range strings.Split(o.Skip, ",") {
		skip[strings.TrimSpace(s)] = true
	}

	java := filepath.Join(strings.TrimSpace(string(must1(exec.Command(filepath.Join(root, "scripts", "java-home.sh")).Output()))), "bin", "java")
	sys := &system{root: root, out: out, java: java, basePort: o.BasePort, emulatorPid: *emulatorPid}
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		sig := <-signals
		logf("%v: stopping everything the benchmark started", sig)
		cleanup()
		os.Exit(130)
	}()
	ports := []service{product, basket, ordering, ordering2, gateway, authServer}
	if o.StartupReference {
		ports = append(ports, referenceApps...)
	}
	for _, svc := range ports {
		if !portFree(svc.Port) {
			must(fmt.Errorf("port %d (%s) is in use: stop what runs there or pass -base-port", svc.Port, svc.Name))
		}
	}

	if o.StartupReference && !skip["startup"] {
		must(buildReference(sys))
	}

	// Emulator
	endpoint := os.Getenv("AWS_ENDPOINT_URL")
	region := envOr("AWS_REGION", "us-east-1")
	r.Emulator = map[string]string{"endpoint": endpoint}
	if endpoint == "" {
		port := o.BasePort + 6486 // 24566 by default
		endpoint = fmt.Sprintf("http://127.0.0.1:%d", port)
		logf("starting moto on %s (scripts/moto.sh)", endpoint)
		moto, err := startProc("moto", filepath.Join(out, "logs", "moto.log"), root, nil,
			filepath.Join(root, "scripts", "moto.sh"), "--host", "127.0.0.1", "--port", fmt.Sprint(port))
		must(err)
		track(moto)
		sys.emulatorPid = moto.Pid()
		deadline := time.Now().Add(3 * time.Minute)
		for portFree(port) {
			if time.Now().After(deadline) || !moto.Alive() {
				must(fmt.Errorf("moto did not start; see %s", moto.Log))
			}
			time.Sleep(200 * time.Millisecond)
		}
		r.Emulator = map[string]string{"endpoint": endpoint, "name": "moto (scripts/moto.sh, started by the benchmark)"}
	}
	if o.Label != "" {
		r.Emulator["name"] = o.Label
	} else if r.Emulator["name"] == "" {
		r.Emulator["name"] = "the emulator at " + endpoint
	}
	r.Emulator["version"] = emulatorVersion(root, endpoint)
	defer cleanup()
	sys.endpoint = endpoint
	sys.env = []string{
		"AWS_ENDPOINT_URL=" + endpoint, "AWS_REGION=" + region,
		"AWS_ACCESS_KEY_ID=" + envOr("AWS_ACCESS_KEY_ID", "test"), "AWS_SECRET_ACCESS_KEY=" + envOr("AWS_SECRET_ACCESS_KEY", "test"),
		fmt.Sprintf("AUTH_ISSUER=http://127.0.0.1:%d", authServer.Port),
	}
	aws := newAWSClient(endpoint, region, envOr("AWS_ACCESS_KEY_ID", "test"), envOr("AWS_SECRET_ACCESS_KEY", "test"), o.Concurrency)
	provision(sys)
	issuer, _, err := sys.start(authServer, jvmVariants[0], nil, 4*time.Minute)
	must(err)
	track(issuer)

	r.Protocol = protocol(o)
	if !skip["startup"] {
		r.Startup = measureStartup(sys, o, startupSvcs, startupVars)
	}
	r.LoadAverage["after_startup"] = loadAverage()
	r.Notes = notes(o)
	write := func() { // after every profile, so an interrupted run keeps what it measured
		r.Finished = time.Now()
		data, _ := json.MarshalIndent(r, "", "  ")
		must(os.WriteFile(filepath.Join(out, "report.json"), data, 0o644))
		must(os.WriteFile(filepath.Join(out, "report.md"), []byte(markdown(r)), 0o644))
	}
	write()
	for _, name := range strings.Split(o.Profiles, ",") {
		env, ok := profiles[name]
		if !ok {
			must(fmt.Errorf("unknown profile %q", name))
		}
		r.ProfileEnv[name] = env
		r.Profiles[name] = runProfile(sys, aws, o, skip, name, env)
		r.LoadAverage["after_"+name] = loadAverage()
		r.ProfileOrder = append(r.ProfileOrder, name)
		write()
	}
	logf("wrote %s/report.md and report.json in %s", out, time.Since(r.Started).Round(time.Second))
}

func must1[T any](v T, err error) T {
	must(err)
	return v
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func machineInfo() map[string]string {
	info := map[string]string{}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "model name") {
				info["cpu"] = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	if out, err := exec.Command("nproc").Output(); err == nil {
		info["cores"] = strings.TrimSpace(string(out))
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb float64
		fmt.Sscan(strings.TrimSpace(strings.SplitN(strings.SplitN(string(data), "\n", 2)[0], ":", 2)[1]), &kb)
		info["memory"] = fmt.Sprintf("%.1f GiB", kb/1024/1024)
	}
	if out, err := exec.Command("uname", "-srm").Output(); err == nil {
		info["kernel"] = strings.TrimSpace(string(out))
	}
	return info
}

func emulatorVersion(root, endpoint string) string {
	client := &http.Client{Timeout: 2 * time.Second}
	if resp, err := client.Get(strings.TrimRight(endpoint, "/") + "/moto-api/"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == 200 { // moto: ask the Python that scripts/moto.sh uses
			for _, py := range []string{filepath.Join(root, ".venv-moto", "bin", "python"), "python3"} {
				if out, err := exec.Command(py, "-c", "import moto; print(moto.__version__)").Output(); err == nil {
					return "moto " + strings.TrimSpace(string(out))
				}
			}
		}
	}
	for _, path := range []string{"/_floci/health", "/_localstack/health"} {
		resp, err := client.Get(strings.TrimRight(endpoint, "/") + path)
		if err != nil {
			continue
		}
		buf := new(bytes.Buffer)
		buf.ReadFrom(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == 200 {
			text := buf.String()
			if len(text) > 200 {
				text = text[:200]
			}
			return path + " " + strings.TrimSpace(text)
		}
	}
	return "unknown"
}

func provision(sys *system) {
	jars, _ := filepath.Glob(filepath.Join(sys.root, "local-aws", "target", "local-aws-*-exec.jar"))
	if len(jars) == 0 {
		must(fmt.Errorf("local-aws/target/local-aws-*-exec.jar is missing: build first (./mvnw -DskipTests package)"))
	}
	cmd := exec.Command(sys.java, "-jar", jars[0])
	cmd.Env = append(os.Environ(), sys.env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		must(fmt.Errorf("provisioning failed: %v\n%s", err, out))
	}
	logf("provisioned %s", sys.endpoint)
}
