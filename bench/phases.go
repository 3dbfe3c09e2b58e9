package main

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
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
}

// measureStartup starts every service alone (nothing else but the emulator runs), per JVM variant,
// interleaving the variants, and records the time from exec to a ready health endpoint and the RSS
// after 5 s idle.
func measureStartup(sys *system, o options) []startupResult {
	var results []startupResult
	for _, svc := range []service{product, basket, ordering, gateway} {
		byVariant := map[string]*startupResult{}
		for rep := 0; rep < o.StartupReps; rep++ {
			for _, v := range jvmVariants {
				if v.AOT && rep == 0 {
					// Train the cache first (a separate run, not timed).
					if _, _, err := sys.extracted(svc, true); err != nil {
						logf("AOT training of %s failed: %v", svc.Name, err)
						continue
					}
				}
				p, ready, err := sys.start(svc, v, nil, 3*time.Minute)
				if err != nil {
					logf("start-up %s/%s failed: %v", svc.Name, v.Name, err)
					continue
				}
				time.Sleep(5 * time.Second)
				rss := rssMB(p.Pid())
				p.Stop(30 * time.Second)
				res := byVariant[v.Name]
				if res == nil {
					res = &startupResult{Service: svc.Name, Variant: v.Name}
					byVariant[v.Name] = res
				}
				res.ReadyS = append(res.ReadyS, round(ready.Seconds(), 2))
				res.IdleRSSMB = append(res.IdleRSSMB, round(rss, 0))
				logf("start-up %s [%s] #%d: ready in %.2f s, idle RSS %.0f MB (load %s)", svc.Name, v.Name, rep+1, ready.Seconds(), rss, loadAverage())
			}
		}
		for _, v := range jvmVariants {
			if res := byVariant[v.Name]; res != nil {
				res.MedReadyS = round(median(res.ReadyS), 2)
				res.MedRSSMB = round(median(res.IdleRSSMB), 0)
				results = append(results, *res)
			}
		}
	}
	return results
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
	for n, p := range ps {
		res.RSSIdleMB[n] = round(rssMB(p.Pid()), 0)
		sys.cpuPids[n] = p.Pid()
	}
	sampler := sampleRSS(ps)
	client := newHTTPClient(o.Concurrency)

	if !skip["read"] {
		readPath(sys, aws, client, o, res)
	}
	if !skip["consumer"] {
		consumer(sys, aws, o, res, ps)
	}
	if !skip["journey"] {
		j := journey(sys, client, o)
		res.Journey = &j
	}
	// Last: it leaves thousands of baskets, idempotency records and orders behind, and some emulators
	// get slower as tables grow (moto copies every table a transaction touches; Floci's writes slow
	// down): run before the journey on moto, it turned a 76 ms p50 into 48 s.
	if !skip["basket"] {
		basketPath(sys, client, o, res)
	}
	res.RSSLoadMB = sampler.Stop()
	for _, n := range []string{"gateway", "ordering-service-2", "ordering-service", "basket-service", "product-service"} {
		ps[n].Stop(30 * time.Second)
	}
	return res
}

func gatewayURL(path string) string { return fmt.Sprintf("http://127.0.0.1:%d%s", gateway.Port, path) }
func productURL(path string) string { return fmt.Sprintf("http://127.0.0.1:%d%s", product.Port, path) }

func getOK(client *http.Client, url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	drain(resp)
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %d", url, resp.StatusCode)
	}
	return nil
}

func readPath(sys *system, aws *awsClient, client *http.Client, o options, res *profileResult) {
	// Data: products created through the service (so the items are exactly what it reads).
	var ids []string
	for i := 0; i < o.Products; i++ {
		body := fmt.Sprintf(`{"name":"Bench product %d","description":"benchmark","imageFile":"p%d.png","price":%d.50,"category":"bench"}`, i, i, 10+i)
		resp, err := postAs(client, operatorUser, productURL("/product"), body)
		must(err)
		var created struct {
			ID string `json:"id"`
		}
		json.NewDecoder(resp.Body).Decode(&created)
		resp.Body.Close()
		if resp.StatusCode != 201 || created.ID == "" {
			must(fmt.Errorf("POST /product: %d", resp.StatusCode))
		}
		ids = append(ids, created.ID)
	}
	var counter atomic.Int64
	next := func() string { return ids[int(counter.Add(1))%len(ids)] }
	targets := []struct {
		name string
		do   func(int) error
	}{
		{"gateway: GET /product/{id}", func(int) error { return getOK(client, gatewayURL("/product/"+next())) }},
		{"direct: GET /product/{id}", func(int) error { return getOK(client, productURL("/product/"+next())) }},
		{"emulator: GetItem (signed HTTP POST)", func(int) error {
			return aws.dynamo("GetItem", map[string]any{
				"TableName": "product", "Key": map[string]any{"id": map[string]string{"S": next()}}, "ConsistentRead": true,
			}, nil)
		}},
	}
	// Warm-up protocol: rounds through the gateway (warms gateway and product service) until two
	// consecutive rounds agree within WarmupAgree, at most WarmupMax rounds; then one round of each
	// other target.
	warm := parseDuration(o.WarmupRound)
	prev := 0.0
	for i := 0; i < o.WarmupMax; i++ {
		r := closedLoop(o.Concurrency, warm, targets[0].do)
		res.Warmup = append(res.Warmup, round(r.Throughput, 0))
		logf("warm-up round %d: %.0f req/s (p99 %.1f ms, errors %d, load %s)", i+1, r.Throughput, r.P99, r.Errors, loadAverage())
		if i+1 >= o.WarmupMin && prev > 0 && math.Abs(r.Throughput-prev)/prev <= o.WarmupAgree {
			break
		}
		prev = r.Throughput
	}
	for _, t := range targets[1:] {
		closedLoop(o.Concurrency, warm/2, t.do)
	}
	res.ReadRounds = map[string][]Result{}
	res.Read = map[string]Result{}
	roundLength := parseDuration(o.Round)
	for rep := 0; rep < o.Reps; rep++ {
		for _, t := range targets { // interleaved, so drift in the machine hits all three alike
			meter := meterCPU(sys.cpuPids)
			r := closedLoop(o.Concurrency, roundLength, t.do)
			r.CPUms = meter.perOp(r.Requests)
			res.ReadRounds[t.name] = append(res.ReadRounds[t.name], r)
			logf("read %-38s #%d: %6.0f req/s  p50 %5.1f ms  p99 %6.1f ms  errors %d  CPU ms/req %v (load %s)", t.name, rep+1, r.Throughput, r.P50, r.P99, r.Errors, r.CPUms, loadAverage())
		}
	}
	for name, rounds := range res.ReadRounds {
		res.Read[name] = medianResult(rounds)
	}
}

func parseDuration(s string) time.Duration {
	d, err := time.ParseDuration(s)
	must(err)
	return d
}

// checkoutEvent is an SQS body as EventBridge delivers it for CheckoutBasketRule.
func checkoutEvent(user string) string {
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	detail := map[string]any{
		"eventId": uuid(), "eventType": "CheckoutBasket", "schemaVersion": 1, "occurredAt": now,
		"correlationId": "bench-" + user, "producer": "bench",
		"data": map[string]any{
			"orderId": uuid(), "userName": user,
			"items": []map[string]any{{"productId": "bench-lamp", "productName": "Bench lamp", "color": "red",
				"quantity": 2, "unitPrice": 20, "lineTotal": 40}},
			"totalPrice":    40,
			"customer":      map[string]string{"firstName": "Bench", "lastName": "Mark", "email": "bench@example.com", "address": "1 Bench Road"},
			"paymentMethod": "CARD", "checkedOutAt": now,
		},
	}
	event := map[string]any{
		"version": "0", "id": uuid(), "detail-type": "CheckoutBasket", "source": "com.swn.basket.checkoutbasket",
		"account": "000000000000", "time": now[:19] + "Z", "region": "us-east-1", "resources": []string{}, "detail": detail,
	}
	data, _ := json.Marshal(event)
	return string(data)
}

func uuid() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// fill sends n events for users prefix-0..n-1, 10 per batch, 4 senders.
func fill(aws *awsClient, queue, prefix string, n int) {
	var wg sync.WaitGroup
	batches := make(chan []string, 8)
	var failed atomic.Int64
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range batches {
				if err := aws.sendBatch(queue, b); err != nil {
					failed.Add(1)
					logf("fill: %v", err)
				}
			}
		}()
	}
	for i := 0; i < n; i += 10 {
		var b []string
		for j := i; j < i+10 && j < n; j++ {
			b = append(b, checkoutEvent(fmt.Sprintf("%s%05d", prefix, j)))
		}
		batches <- b
	}
	close(batches)
	wg.Wait()
	if failed.Load() > 0 {
		must(fmt.Errorf("fill: %d batches failed", failed.Load()))
	}
}

// waitEmpty waits until the queue has no visible and no in-flight message; returns when it was first seen empty.
func waitEmpty(aws *awsClient, queue string, timeout time.Duration) (time.Time, error) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		depth, err := aws.queueDepth(queue)
		if err == nil && depth == 0 {
			return time.Now(), nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return time.Time{}, fmt.Errorf("queue not empty after %s", timeout)
}

// rawDrain receives and deletes n messages with `pollers` loops (10 per receive, then one delete batch)
// and returns the time until the n-th message was deleted (a poller still waiting in an empty long poll
// afterwards does not count).
func rawDrain(aws *awsClient, queue string, n, pollers int) time.Duration {
	var got atomic.Int64
	var wg sync.WaitGroup
	var doneAt atomic.Int64
	start := time.Now()
	deadline := start.Add(10 * time.Minute)
	for p := 0; p < pollers; p++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for got.Load() < int64(n) && time.Now().Before(deadline) {
				msgs, err := aws.receive(queue, 10, 1)
				if err != nil || len(msgs) == 0 {
					continue
				}
				if err := aws.deleteBatch(queue, msgs); err != nil {
					logf("raw delete: %v", err)
					continue
				}
				if got.Add(int64(len(msgs))) >= int64(n) {
					doneAt.CompareAndSwap(0, int64(time.Since(start)))
				}
			}
		}()
	}
	wg.Wait()
	if d := doneAt.Load(); d > 0 {
		return time.Duration(d)
	}
	return time.Since(start)
}

// orderItem is the item the ordering service writes for one checkout event (same attributes and
// shapes as OrderItems.toItem), so the raw "receive/put/delete" limit asks the emulator for the same
// work per message as the service does.
func orderItem(body string) (map[string]any, error) {
	var event struct {
		Detail struct {
			EventID string `json:"eventId"`
			Data    struct {
				OrderID, UserName, CheckedOutAt, PaymentMethod string
				Items                                          []struct {
					ProductID, ProductName, Color string
					Quantity                      int
					UnitPrice, LineTotal          json.Number
				}
				TotalPrice json.Number
				Customer   map[string]string
			} `json:"data"`
		} `json:"detail"`
	}
	if err := json.Unmarshal([]byte(body), &event); err != nil {
		return nil, err
	}
	d := event.Detail.Data
	s := func(v string) map[string]string { return map[string]string{"S": v} }
	n := func(v string) map[string]string { return map[string]string{"N": v} }
	var lines []any
	for _, it := range d.Items {
		lines = append(lines, map[string]any{"M": map[string]any{
			"productId": s(it.ProductID), "productName": s(it.ProductName), "color": s(it.Color),
			"quantity": n(fmt.Sprint(it.Quantity)), "unitPrice": n(it.UnitPrice.String()), "lineTotal": n(it.LineTotal.String()),
		}})
	}
	customer := map[string]any{}
	for k, v := range d.Customer {
		customer[k] = s(v)
	}
	return map[string]any{
		"userName": s(d.UserName), "orderId": s(d.OrderID), "orderDate": s(d.CheckedOutAt), "status": s("PLACED"),
		"version": n("1"), "eventId": s(event.Detail.EventID), "items": map[string]any{"L": lines},
		"totalPrice": n(d.TotalPrice.String()), "customer": map[string]any{"M": customer}, "paymentMethod": s(d.PaymentMethod),
	}, nil
}

// rawDrainWrite is rawDrain plus, for every message, the conditional PutItem the ordering service
// issues (up to 10 at once, like the listener's default concurrency) before the batch is deleted.
func rawDrainWrite(aws *awsClient, queue string, n int) time.Duration {
	var got int
	start := time.Now()
	deadline := start.Add(10 * time.Minute)
	for got < n && time.Now().Before(deadline) {
		msgs, err := aws.receive(queue, 10, 1)
		if err != nil || len(msgs) == 0 {
			continue
		}
		var wg sync.WaitGroup
		var failed atomic.Int64
		for _, m := range msgs {
			wg.Add(1)
			go func(body string) {
				defer wg.Done()
				item, err := orderItem(body)
				if err == nil {
					err = aws.dynamo("PutItem", map[string]any{
						"TableName": "order", "Item": item, "ConditionExpression": "attribute_not_exists(#orderId)",
						"ExpressionAttributeNames": map[string]string{"#orderId": "orderId"},
					}, nil)
				}
				if err != nil {
					failed.Add(1)
					logf("raw put: %v", err)
				}
			}(m.Body)
		}
		wg.Wait()
		if failed.Load() > 0 {
			continue // left in flight: redelivered after the visibility timeout, like a failed listener
		}
		if err := aws.deleteBatch(queue, msgs); err != nil {
			logf("raw delete: %v", err)
			continue
		}
		got += len(msgs)
	}
	return time.Since(start)
}

// The raw limits the ordering service is compared with, drained by this program on the same emulator.
const (
	rawDelete1 = "raw receive/delete, 1 poller"
	rawDelete2 = "raw receive/delete, 2 pollers"
	rawPut1    = "raw receive/put/delete, 1 poller"
)

func consumer(sys *system, aws *awsClient, o options, res *profileResult, ps map[string]*proc) {
	queue, err := aws.queueURL("OrderQueue")
	must(err)
	consumers := []*proc{ps["ordering-service"], ps["ordering-service-2"]}
	freeze := func(list ...*proc) {
		for _, p := range list {
			p.Freeze()
		}
		// A long poll issued just before the freeze ends empty on the server within the poll timeout
		// (5 s by default); only then is the queue filled, so no message hides in a frozen process.
		time.Sleep(6 * time.Second)
	}
	thaw := func(list ...*proc) {
		for _, p := range list {
			p.Thaw()
		}
	}
	run := 0
	drainWith := func(label string, active []*proc, n int) drainStat {
		run++
		prefix := fmt.Sprintf("bench-%d-%d-", time.Now().Unix()%100000, run)
		freeze(consumers...)
		if _, err := waitEmpty(aws, queue, 2*time.Minute); err != nil {
			must(fmt.Errorf("OrderQueue not empty before %s: %v", label, err))
		}
		fill(aws, queue, prefix, n)
		var took time.Duration
		meter := meterCPU(sys.cpuPids)
		if active == nil && strings.Contains(label, "put") {
			took = rawDrainWrite(aws, queue, n)
		} else if active == nil {
			pollers := 1
			if strings.Contains(label, "2") {
				pollers = 2
			}
			took = rawDrain(aws, queue, n, pollers)
		} else {
			start := time.Now()
			thaw(active...)
			done, err := waitEmpty(aws, queue, 10*time.Minute)
			must(err)
			took = done.Sub(start)
		}
		thaw(consumers...)
		stat := drainStat{PerSecond: round(float64(n)/took.Seconds(), 1), Seconds: round(took.Seconds(), 2), Messages: n,
			CPUms: meter.perOp(n)}
		if active != nil || strings.Contains(label, "put") {
			stat.Orders, _ = aws.countItems("order", "userName", prefix)
			if _, err := aws.deleteOrders(prefix); err != nil {
				must(fmt.Errorf("deleting the orders of %s: %v", label, err))
			}
		}
		logf("consumer %-30s %5d messages in %6.2f s = %6.1f msg/s (orders %d, CPU ms/msg %v, load %s)", label, n, took.Seconds(), stat.PerSecond, stat.Orders, stat.CPUms, loadAverage())
		return stat
	}
	// Warm-up (JIT): each instance alone drains in turn until its CPU per message settles (two
	// consecutive drains within 5 %, at least 3 and at most 8 each). One drain per instance was not
	// enough: its CPU per message still fell from 3.1 to 1.3 ms over the next three 5,000-message drains;
	// and 10 % let one instance stop at 1.5 ms while the other went on down to 0.7 ms.
	res.ConsumerWarmup = map[string][]float64{}
	settled := map[string]bool{}
	for i := 0; i < 8 && !(settled["ordering-service"] && settled["ordering-service-2"]); i++ {
		for _, c := range consumers {
			name := c.Name
			if settled[name] {
				continue
			}
			s := drainWith(fmt.Sprintf("warm-up %d (%s alone)", i+1, name), []*proc{c}, o.WarmMessages)
			cpu := s.CPUms[name]
			if w := res.ConsumerWarmup[name]; len(w) >= 2 && w[len(w)-1] > 0 && math.Abs(cpu-w[len(w)-1])/w[len(w)-1] <= 0.05 {
				settled[name] = true
			}
			res.ConsumerWarmup[name] = append(res.ConsumerWarmup[name], cpu)
		}
	}
	res.ConsumerRaw = map[string][]float64{}
	all := map[string][]drainStat{}
	labels := []string{rawDelete1, rawPut1, "ordering, 1 instance", rawDelete2, "ordering, 2 instances"}
	for rep := 0; rep < o.Reps; rep++ {
		for _, label := range labels {
			var active []*proc
			switch label {
			case "ordering, 1 instance":
				active = consumers[:1]
			case "ordering, 2 instances":
				active = consumers
			}
			s := drainWith(label, active, o.Messages)
			all[label] = append(all[label], s)
			res.ConsumerRaw[label] = append(res.ConsumerRaw[label], s.PerSecond)
		}
	}
	res.Consumer = map[string]drainStat{}
	for label, stats := range all {
		var rates, secs, orders []float64
		cpu := map[string][]float64{}
		for _, s := range stats {
			rates, secs, orders = append(rates, s.PerSecond), append(secs, s.Seconds), append(orders, float64(s.Orders))
			for k, v := range s.CPUms {
				cpu[k] = append(cpu[k], v)
			}
		}
		cpuMed := map[string]float64{}
		for k, v := range cpu {
			cpuMed[k] = round(median(v), 3)
		}
		res.Consumer[label] = drainStat{PerSecond: round(median(rates), 1), Seconds: round(median(secs), 2),
			Messages: o.Messages, Orders: int(median(orders)), CPUms: cpuMed}
	}
}

func basketURL(path string) string { return fmt.Sprintf("http://127.0.0.1:%d%s", basket.Port, path) }

// createProduct creates one product through the gateway and returns its id.
func createProduct(client *http.Client, name string) string {
	body := fmt.Sprintf(`{"name":%q,"description":"benchmark","imageFile":"lamp.png","price":19.90,"category":"bench"}`, name)
	resp, err := postAs(client, operatorUser, gatewayURL("/product"), body)
	must(err)
	defer resp.Body.Close()
	var created struct {
		ID string `json:"id"`
	}
	json.NewDecoder(resp.Body).Decode(&created)
	if resp.StatusCode != 201 || created.ID == "" {
		must(fmt.Errorf("POST /product: %d", resp.StatusCode))
	}
	return created.ID
}

// addAndCheckout fills a new basket with one line and checks it out: the basket service's two write
// requests (the add reads the price from the product service; the checkout is one transaction with
// the outbox event, published right after).
// It returns the order's Location and when the checkout request was sent.
func addAndCheckout(client *http.Client, url func(string) string, user, productID string) (string, time.Time, error) {
	item := fmt.Sprintf(`{"productId":%q,"quantity":1}`, productID)
	r, err := postAs(client, user, url("/basket/"+user+"/items"), item)
	if err != nil {
		return "", time.Time{}, err
	}
	drain(r)
	if r.StatusCode != 200 {
		return "", time.Time{}, fmt.Errorf("add item: %d", r.StatusCode)
	}
	body := fmt.Sprintf(`{"userName":%q,"firstName":"Bench","lastName":"Mark","email":"bench@example.com","address":"1 Bench Road","paymentMethod":"CARD"}`, user)
	req, _ := http.NewRequest(http.MethodPost, url("/basket/checkout"), bytes.NewReader([]byte(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", uuid())
	if _, err := token(client, user); err != nil { // fetched by the add already: not timed below
		return "", time.Time{}, err
	}
	sent := time.Now()
	r, err = as(client, user, req)
	if err != nil {
		return "", sent, err
	}
	drain(r)
	if r.StatusCode != 202 || r.Header.Get("Location") == "" {
		return "", sent, fmt.Errorf("checkout: %d", r.StatusCode)
	}
	return r.Header.Get("Location"), sent, nil
}

// basketPath: a closed loop straight to the basket service, each operation one add-item plus one
// checkout of a new basket, warmed up like the read path. It gives the basket service's CPU per
// request warm and at a rate high enough that its background work (listener polls, outbox sweeps) is
// shared by many requests, which the 5/s journey is not.
func basketPath(sys *system, client *http.Client, o options, res *profileResult) {
	productID := createProduct(client, "Basket bench lamp")
	stamp := time.Now().Unix() % 100000
	// One user per worker, whose basket each operation fills and checks out again (the checkout removes
	// it): the worker's token is fetched once, not inside every measured operation.
	do := func(worker int) error {
		_, _, err := addAndCheckout(client, basketURL, fmt.Sprintf("bench-b-%d-w%d", stamp, worker), productID)
		return err
	}
	warm := parseDuration(o.WarmupRound)
	prev := 0.0
	for i := 0; i < o.WarmupMax; i++ {
		r := closedLoop(o.Concurrency, warm, do)
		res.BasketWarmup = append(res.BasketWarmup, round(r.Throughput, 1))
		logf("basket warm-up round %d: %.1f baskets/s (p99 %.1f ms, errors %d %s, load %s)", i+1, r.Throughput, r.P99, r.Errors, r.FirstError, loadAverage())
		if i+1 >= o.WarmupMin && prev > 0 && math.Abs(r.Throughput-prev)/prev <= o.WarmupAgree {
			break
		}
		prev = r.Throughput
	}
	var rounds []Result
	for rep := 0; rep < o.Reps; rep++ {
		meter := meterCPU(sys.cpuPids)
		r := closedLoop(o.Concurrency, parseDuration(o.Round), do)
		r.CPUms = meter.perOp(r.Requests)
		rounds = append(rounds, r)
		logf("basket add + checkout #%d: %6.1f baskets/s  p50 %5.1f ms  p99 %6.1f ms  errors %d %s  CPU ms/basket %v (load %s)", rep+1, r.Throughput, r.P50, r.P99, r.Errors, r.FirstError, r.CPUms, loadAverage())
	}
	m := medianResult(rounds)
	res.Basket = &m
}

// journey: checkout -> order visible, at a fixed arrival rate, through the gateway.
func journey(sys *system, client *http.Client, o options) Result {
	poll := parseDuration(o.PollInterval)
	productID := createProduct(client, "Journey lamp") // a product to put in the baskets
	stamp := time.Now().Unix() % 100000
	op := func(prefix string) func(int) (time.Duration, error) {
		return func(i int) (time.Duration, error) {
			user := fmt.Sprintf("%s-%d-%d", prefix, stamp, i)
			location, start, err := addAndCheckout(client, gatewayURL, user, productID)
			if err != nil {
				return 0, err
			}
			for time.Since(start) < 30*time.Second {
				g, err := getAs(client, user, gatewayURL(location))
				if err == nil {
					drain(g)
					if g.StatusCode == 200 {
						return time.Since(start), nil
					}
				}
				time.Sleep(poll)
			}
			return 0, fmt.Errorf("order %s not visible within 30 s", location)
		}
	}
	openLoop(o.JourneyRate, parseDuration(o.JourneyWarmup), 500, op("bench-jw"))
	meter := meterCPU(sys.cpuPids)
	r := openLoop(o.JourneyRate, parseDuration(o.JourneyFor), 500, op("bench-j"))
	r.CPUms = meter.perOp(r.Requests)
	logf("journey at %.1f/s: %d journeys, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, errors %d (%s) (load %s)",
		o.JourneyRate, r.Requests, r.P50, r.P95, r.P99, r.Errors, r.FirstError, loadAverage())
	return r
}
