package main

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"text/template"
	"time"
)

//go:embed report.md.tmpl
var reportTemplate string

// reportNames are the target names the template looks results up by (the phases' own constants).
type reportNames struct {
	Gateway, Direct, Emulator, OurBasketRead, PeerCartRead string
	RawDelete1, RawPut1, RawDelete2, Ordering1, Ordering2  string
	OurAdd, PeerAdd                                        string
}

var reportTmpl = template.Must(template.New("report.md").Funcs(template.FuncMap{
	"f0": f0, "f1": f1, "f2": f2, "ratio": ratio, "cpu": cpuCells, "calls": callsText,
	"half": func(v float64) float64 { return v / 2 },
	"sub":  func(a, b float64) float64 { return a - b },
	"add":  func(a, b float64) float64 { return a + b },
	"has":  func(m map[string]Result, k string) bool { _, ok := m[k]; return ok },
	"list": func(v ...string) []string { return v },
	"orZero": func(r *Result) Result {
		if r == nil {
			return Result{}
		}
		return *r
	},
	"elapsed": func(from, to time.Time) time.Duration { return to.Sub(from).Round(time.Second) },
	"pairs":   pairs,
	"series":  series,
}).Parse(reportTemplate))

// markdown renders report.md from report.md.tmpl.
func markdown(r *report) string {
	var b strings.Builder
	data := struct {
		*report
		N reportNames
	}{r, reportNames{
		Gateway: gatewayRead, Direct: directRead, Emulator: emulatorRead, OurBasketRead: ourBasketRead, PeerCartRead: peerCartRead,
		RawDelete1: rawDelete1, RawPut1: rawPut1, RawDelete2: rawDelete2, Ordering1: ordering1, Ordering2: ordering2s,
		OurAdd: ourAdd, PeerAdd: peerAddName,
	}}
	if err := reportTmpl.Execute(&b, data); err != nil {
		// A template error is a bug of the benchmark: say so in the report rather than lose the run.
		fmt.Fprintf(&b, "\n\n(report template failed: %v)\n", err)
	}
	return b.String()
}

// pairs joins a map's entries as key<sep>value, sorted by key, separated by between.
func pairs(m map[string]string, sep, between string) string {
	kv := make([]string, 0, len(m))
	for k, v := range m {
		kv = append(kv, k+sep+v)
	}
	sort.Strings(kv)
	return strings.Join(kv, between)
}

func protocol(o options) []string {
	p := []string{
		fmt.Sprintf("Everything is co-located on one machine: load generator (this Go program), emulator and JVMs share the cores. Figures are totals of that machine; compare ratios taken in the same run, not absolute numbers across machines."),
		fmt.Sprintf("Start-up: each service alone (only the emulator runs), %d times per JVM variant, in rounds that start every service with every variant once; time from exec to the first ready health answer (polled every 50 ms); the CPU time (user + system, all threads) the JVM used until then; RSS (VmRSS) after 5 s idle. Medians quoted.", o.StartupReps),
		fmt.Sprintf("Read-path warm-up (JIT): at least %d rounds of %s through the gateway at concurrency %d, then on until two consecutive rounds agree within %.0f %% (at most %d rounds), then one half round against each other target. Every profile starts fresh JVMs and repeats it.", o.WarmupMin, o.WarmupRound, o.Concurrency, o.WarmupAgree*100, o.WarmupMax),
		fmt.Sprintf("Read path: closed loop, %d connections, keep-alive, %d products read round-robin, rounds of %s, %d rounds per target interleaved (gateway, direct, emulator); medians of the rounds quoted. Client for all three: this Go program (net/http); GetItem is a SigV4-signed HTTP POST (DynamoDB JSON protocol, ConsistentRead as the service does), signed per request.", o.Concurrency, o.Products, o.Round, o.Reps),
		fmt.Sprintf("Add to basket: closed loop, %d connections straight to the basket service, one user per connection, each operation one POST /basket/{user}/items (quantity 1) of %d products in turn, so lines merge and a basket stays %d lines long; every %d adds the connection deletes its basket first, untimed and not counted (the round's CPU and call meters include it: one delete per %d adds). Warmed up like the read path, then %d rounds of %s, medians. AWS calls per add: the basket and product services' own aws.calls meters (GET /actuator/prometheus) read before and after each round, divided by the adds; the scrape itself is outside the CPU meter.", o.Concurrency, addLines, addLines, addResetEvery, addResetEvery, o.Reps, o.Round),
		fmt.Sprintf("Basket write path: closed loop, %d connections straight to the basket service, each operation a new basket filled with one line (POST /basket/{user}/items, which reads the price from the product service) and checked out (POST /basket/checkout with an Idempotency-Key: one transaction with the outbox event, published at once); warmed up like the read path, then %d rounds of %s, medians. The two ordering instances consume the orders meanwhile. Runs last in the profile: it leaves thousands of items behind.", o.Concurrency, o.Reps, o.Round),
		fmt.Sprintf("Consumer: OrderQueue filled with %d valid CheckoutBasket events (SendMessageBatch) while every ordering instance is frozen (SIGSTOP, after its last long poll ended); then the instance(s) under test are resumed (SIGCONT) and the time until the queue has no visible and no in-flight message is taken (GetQueueAttributes every 100 ms). Raw limit: the same fill, drained by this Go program with 1 or 2 loops of ReceiveMessage(10, wait 1 s) + DeleteMessageBatch; and, as the limit for the same emulator work per message, 1 loop that also writes each message's order with the service's conditional PutItem (10 at once, the listener's default concurrency) before the delete. Warm-up (JIT): each instance alone drains %d events in turn until its CPU per message settles (two consecutive drains within 5 %%, 3 to 8 drains each). %d rounds, medians. Orders created are counted with a Scan, then deleted (BatchWriteItem), so every drain writes into a table of the same size.", o.Messages, o.WarmMessages, o.Reps),
		fmt.Sprintf("Checkout -> order visible: open model, %.1f journeys/s through the gateway (add one item, POST /basket/checkout, poll the Location every %s until 200), %s warm-up then %s measured; latency from sending the checkout to the first 200. Two ordering instances consume.", o.JourneyRate, o.PollInterval, o.JourneyWarmup, o.JourneyFor),
	}
	if o.PeerURL != "" {
		p = append(p, fmt.Sprintf("Peer (%s, pid %d): retail-store-sample-app's cart service on the same emulator, started outside the benchmark (docs/performance.md). The read phase adds GET /basket/{user} (ours, with a token) and GET /carts/{id} (peer, no authentication) of a basket or cart of the same %d products, one per connection, each warmed up on its own; the add phase adds POST /carts/{id}/items (the client sends the price; %d adds per cart, then the cart is deleted untimed, as for ours), interleaved round by round with ours. Its CPU is that of its JVM (-peer-pid); it has no aws.calls meter, so its emulator calls are not counted.", o.PeerURL, o.PeerPid, addLines, addResetEvery))
	}
	if o.StartupReference {
		p = append(p, "Reference applications (-startup-reference; bench/reference, built by the run): Spring Boot applications with one endpoint and nothing of ours, built and started as the services are (Spring AOT processing, extracted jar, AOT cache trained by scripts/aot-train.sh, jvm.options), one layer more each: reference-web (Spring MVC on Tomcat, the actuator's probes), reference-security (+ a stateless JWT resource server in front of all but the probes), reference-observability (+ OpenTelemetry tracing of every request, Prometheus meters), reference-starters (+ validation, Jackson, Spring Cloud AWS's DynamoDB client, springdoc: product-service's starters). Their readiness has no check of AWS; product-service's also checks its tables.")
	}
	return p
}

func notes(o options) []string {
	return []string{
		"moto answers every request on one Python process; its SQS gets slower as a queue grows, so drains of larger N are slower per message there. Its TransactWriteItems deep-copies every table the transaction touches (for its rollback), once per item of the transaction, so each product write and each basket add or checkout costs time in proportion to everything stored: the basket phase slows down round by round there.",
		"The raw GetItem client is this Go program, not an AWS SDK: an SDK-based generator is CPU-bound on two cores and would measure itself. Signatures are computed as SigV4 requires; moto and Floci do not verify them, real AWS would.",
		"Floci 1.7.0's DynamoDB gets slower per write as a table grows: in a run without the clean-up, its CPU per conditional PutItem rose from 1.4 to 7.5 ms over six drains of 5,000 orders into one table, which made later drains look slower than earlier ones. Every drain's orders are therefore deleted after it is counted.",
		"RSS under load is the maximum sampled once a second during the read, consumer and journey phases.",
		"CPU ms per operation: user + system CPU time of each process (/proc/<pid>/stat) over the measured round, divided by the successful operations. It is what sizes a task: a service that needs x CPU ms per request serves at most 1000/x requests per second per fully used vCPU.",
	}
}

func f0(v float64) string { return fmt.Sprintf("%.0f", v) }
func f1(v float64) string { return fmt.Sprintf("%.1f", v) }
func f2(v float64) string { return fmt.Sprintf("%.2f", v) }

func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", a/b)
}

func cpuCells(m map[string]float64, names ...string) string {
	var cells []string
	for _, n := range names {
		if v, ok := m[n]; ok {
			cells = append(cells, fmt.Sprintf("%.2f", v))
		} else {
			cells = append(cells, "–")
		}
	}
	return strings.Join(cells, " / ")
}

// series lists named rounds as "name [r1 r2 ...]; ...", sorted by name.
func series(m map[string][]float64) string {
	parts := make([]string, 0, len(m))
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%s %v", k, v))
	}
	sort.Strings(parts)
	return strings.Join(parts, "; ")
}
