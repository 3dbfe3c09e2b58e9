package main

import (
	"fmt"
	"sort"
	"strings"
)

func protocol(o options) []string {
	return []string{
		fmt.Sprintf("Everything is co-located on one machine: load generator (this Go program), emulator and JVMs share the cores. Figures are totals of that machine; compare ratios taken in the same run, not absolute numbers across machines."),
		fmt.Sprintf("Start-up: each service alone (only the emulator runs), %d times per JVM variant, variants interleaved; time from exec to the first ready health answer (polled every 50 ms); RSS (VmRSS) after 5 s idle. Medians quoted.", o.StartupReps),
		fmt.Sprintf("Read-path warm-up (JIT): at least %d rounds of %s through the gateway at concurrency %d, then on until two consecutive rounds agree within %.0f %% (at most %d rounds), then one half round against each other target. Every profile starts fresh JVMs and repeats it.", o.WarmupMin, o.WarmupRound, o.Concurrency, o.WarmupAgree*100, o.WarmupMax),
		fmt.Sprintf("Read path: closed loop, %d connections, keep-alive, %d products read round-robin, rounds of %s, %d rounds per target interleaved (gateway, direct, emulator); medians of the rounds quoted. Client for all three: this Go program (net/http); GetItem is a SigV4-signed HTTP POST (DynamoDB JSON protocol, ConsistentRead as the service does), signed per request.", o.Concurrency, o.Products, o.Round, o.Reps),
		fmt.Sprintf("Basket write path: closed loop, %d connections straight to the basket service, each operation a new basket filled with one line (POST /basket/{user}/items, which reads the price from the product service) and checked out (POST /basket/checkout with an Idempotency-Key: one transaction with the outbox event, published at once); warmed up like the read path, then %d rounds of %s, medians. The two ordering instances consume the orders meanwhile. Runs last in the profile: it leaves thousands of items behind.", o.Concurrency, o.Reps, o.Round),
		fmt.Sprintf("Consumer: OrderQueue filled with %d valid CheckoutBasket events (SendMessageBatch) while every ordering instance is frozen (SIGSTOP, after its last long poll ended); then the instance(s) under test are resumed (SIGCONT) and the time until the queue has no visible and no in-flight message is taken (GetQueueAttributes every 100 ms). Raw limit: the same fill, drained by this Go program with 1 or 2 loops of ReceiveMessage(10, wait 1 s) + DeleteMessageBatch; and, as the limit for the same emulator work per message, 1 loop that also writes each message's order with the service's conditional PutItem (10 at once, the listener's default concurrency) before the delete. Warm-up (JIT): each instance alone drains %d events in turn until its CPU per message settles (two consecutive drains within 5 %%, 3 to 8 drains each). %d rounds, medians. Orders created are counted with a Scan, then deleted (BatchWriteItem), so every drain writes into a table of the same size.", o.Messages, o.WarmMessages, o.Reps),
		fmt.Sprintf("Checkout -> order visible: open model, %.1f journeys/s through the gateway (add one item, POST /basket/checkout, poll the Location every %s until 200), %s warm-up then %s measured; latency from sending the checkout to the first 200. Two ordering instances consume.", o.JourneyRate, o.PollInterval, o.JourneyWarmup, o.JourneyFor),
	}
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

func markdown(r *report) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# Benchmark report")
	w("")
	w("- Command: `%s`", r.Command)
	w("- Started %s, finished %s (%s)", r.Started.Format("2006-01-02 15:04:05 MST"), r.Finished.Format("15:04:05"), r.Finished.Sub(r.Started).Round(1e9))
	w("- Machine: %s, %s cores, %s, %s", r.Machine["cpu"], r.Machine["cores"], r.Machine["memory"], r.Machine["kernel"])
	w("- Emulator: %s at %s (%s)", r.Emulator["name"], r.Emulator["endpoint"], r.Emulator["version"])
	keys := make([]string, 0, len(r.LoadAverage))
	for k := range r.LoadAverage {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var la []string
	for _, k := range keys {
		la = append(la, k+": "+r.LoadAverage[k])
	}
	w("- Load average (1/5/15 min) during the run: %s", strings.Join(la, "; "))
	w("")
	w("## Protocol")
	w("")
	for _, p := range r.Protocol {
		w("- %s", p)
	}
	w("")
	w("## Summary: profiles side by side (medians)")
	w("")
	w("| Profile | gateway req/s | direct req/s | raw GetItem req/s | direct / raw | gateway / direct | CPU ms/req gateway | CPU ms/req product | 1 consumer msg/s | 1 consumer / raw receive/delete | 1 consumer / raw receive/put/delete | 2 / 1 consumers | CPU ms/msg ordering (1 instance) | baskets/s | CPU ms/req basket | journey p50 / p95 / p99 ms |")
	w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
	for _, name := range r.ProfileOrder {
		p := r.Profiles[name]
		g, d, e := p.Read["gateway: GET /product/{id}"], p.Read["direct: GET /product/{id}"], p.Read["emulator: GetItem (signed HTTP POST)"]
		c1, c2, raw1, put1 := p.Consumer["ordering, 1 instance"], p.Consumer["ordering, 2 instances"], p.Consumer[rawDelete1], p.Consumer[rawPut1]
		j, bk := Result{}, Result{}
		if p.Journey != nil {
			j = *p.Journey
		}
		if p.Basket != nil {
			bk = *p.Basket
		}
		w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s |", name, f0(g.Throughput), f0(d.Throughput), f0(e.Throughput),
			ratio(d.Throughput, e.Throughput), ratio(g.Throughput, d.Throughput), f2(g.CPUms["gateway"]), f2(d.CPUms["product-service"]),
			f1(c1.PerSecond), ratio(c1.PerSecond, raw1.PerSecond), ratio(c1.PerSecond, put1.PerSecond), ratio(c2.PerSecond, c1.PerSecond), f2(c1.CPUms["ordering-service"]),
			f1(bk.Throughput), f2(bk.CPUms["basket-service"]/2), f0(j.P50), f0(j.P95), f0(j.P99))
	}
	for _, name := range r.ProfileOrder {
		p := r.Profiles[name]
		if p == nil {
			continue
		}
		w("")
		w("## Profile `%s`", name)
		if env := r.ProfileEnv[name]; len(env) > 0 {
			var kv []string
			for k, v := range env {
				kv = append(kv, k+"="+v)
			}
			sort.Strings(kv)
			w("")
			w("Environment of every service: `%s`", strings.Join(kv, " "))
		}
		if len(p.Read) > 0 {
			g, d, e := p.Read["gateway: GET /product/{id}"], p.Read["direct: GET /product/{id}"], p.Read["emulator: GetItem (signed HTTP POST)"]
			w("")
			w("### Read path (concurrency %d; warm-up rounds, req/s: %v)", r.Options.Concurrency, p.Warmup)
			w("")
			w("| Target | req/s (median) | p50 ms | p95 ms | p99 ms | errors | CPU ms per request: gateway / product / emulator / load generator |")
			w("|---|---:|---:|---:|---:|---:|---|")
			for _, n := range []string{"gateway: GET /product/{id}", "direct: GET /product/{id}", "emulator: GetItem (signed HTTP POST)"} {
				x := p.Read[n]
				w("| %s | %s | %s | %s | %s | %d | %s |", n, f0(x.Throughput), f1(x.P50), f1(x.P95), f1(x.P99), x.Errors,
					cpuCells(x.CPUms, "gateway", "product-service", "emulator", "bench"))
			}
			w("")
			w("- Service / raw GetItem throughput: **%s**; gateway / direct: **%s** (gateway overhead %s ms at p50, %s ms at p99)",
				ratio(d.Throughput, e.Throughput), ratio(g.Throughput, d.Throughput), f1(g.P50-d.P50), f1(g.P99-d.P99))
		}
		if p.Basket != nil {
			b := p.Basket
			w("")
			w("### Basket write path (concurrency %d; warm-up rounds, baskets/s: %v)", r.Options.Concurrency, p.BasketWarmup)
			w("")
			w("| baskets/s (median) | p50 ms | p95 ms | p99 ms | errors | CPU ms per basket (add + checkout): basket / product / ordering / ordering-2 / emulator / load generator |")
			w("|---:|---:|---:|---:|---:|---|")
			w("| %s | %s | %s | %s | %d %s | %s |", f1(b.Throughput), f1(b.P50), f1(b.P95), f1(b.P99), b.Errors, b.FirstError,
				cpuCells(b.CPUms, "basket-service", "product-service", "ordering-service", "ordering-service-2", "emulator", "bench"))
			w("")
			w("- Basket service CPU per request (half a basket): **%s ms**", f2(b.CPUms["basket-service"]/2))
		}
		if len(p.Consumer) > 0 {
			w("")
			w("### Consumer: draining %d pre-filled checkout events (warm-up, CPU ms per message: %v)", r.Options.Messages, p.ConsumerWarmup)
			w("")
			w("| Drained by | msg/s (median) | seconds | orders created (median) | rounds, msg/s | CPU ms per message: ordering / ordering-2 / emulator / load generator |")
			w("|---|---:|---:|---:|---|---|")
			for _, n := range []string{rawDelete1, rawPut1, "ordering, 1 instance", rawDelete2, "ordering, 2 instances"} {
				x := p.Consumer[n]
				w("| %s | %s | %s | %d | %v | %s |", n, f1(x.PerSecond), f2(x.Seconds), x.Orders, p.ConsumerRaw[n],
					cpuCells(x.CPUms, "ordering-service", "ordering-service-2", "emulator", "bench"))
			}
			c1, c2 := p.Consumer["ordering, 1 instance"], p.Consumer["ordering, 2 instances"]
			w("")
			w("- 1 instance / raw receive/delete (1 poller): **%s**; 1 instance / raw receive/put/delete (the same emulator work per message): **%s**; 2 instances / raw receive/delete (2 pollers): **%s**; 2 instances / 1 instance: **%s**",
				ratio(c1.PerSecond, p.Consumer[rawDelete1].PerSecond), ratio(c1.PerSecond, p.Consumer[rawPut1].PerSecond),
				ratio(c2.PerSecond, p.Consumer[rawDelete2].PerSecond), ratio(c2.PerSecond, c1.PerSecond))
		}
		if p.Journey != nil {
			j := p.Journey
			w("")
			w("### Checkout -> order visible at %.1f/s for %s", r.Options.JourneyRate, r.Options.JourneyFor)
			w("")
			w("| journeys | p50 ms | p95 ms | p99 ms | max ms | errors | CPU ms per journey: gateway / product / basket / ordering / ordering-2 / emulator |")
			w("|---:|---:|---:|---:|---:|---:|---|")
			w("| %d | %s | %s | %s | %s | %d %s | %s |", j.Requests, f0(j.P50), f0(j.P95), f0(j.P99), f0(j.Max), j.Errors, j.FirstError,
				cpuCells(j.CPUms, "gateway", "product-service", "basket-service", "ordering-service", "ordering-service-2", "emulator"))
		}
		w("")
		w("### Memory and readiness in this profile (all services running)")
		w("")
		w("| Service | ready s (started one after another, the others running) | RSS idle MB | RSS max under load MB |")
		w("|---|---:|---:|---:|")
		for _, n := range []string{"gateway", "product-service", "basket-service", "ordering-service", "ordering-service-2"} {
			w("| %s | %s | %s | %s |", n, f2(p.ReadyS[n]), f0(p.RSSIdleMB[n]), f0(p.RSSLoadMB[n]))
		}
	}
	if len(r.Startup) > 0 {
		w("")
		w("## Start-up alone, per JVM variant (medians of %d)", r.Options.StartupReps)
		w("")
		w("| Service | Variant | ready s (median) | runs | idle RSS MB (median) | runs |")
		w("|---|---|---:|---|---:|---|")
		for _, s := range r.Startup {
			w("| %s | %s | %s | %v | %s | %v |", s.Service, s.Variant, f2(s.MedReadyS), s.ReadyS, f0(s.MedRSSMB), s.IdleRSSMB)
		}
	}
	w("")
	w("## Notes")
	w("")
	for _, n := range r.Notes {
		w("- %s", n)
	}
	return b.String()
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
