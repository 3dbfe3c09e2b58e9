// Phase: the read path, product listings through the gateway and straight to the service.

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync/atomic"
	"time"
)

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

const (
	gatewayRead   = "gateway: GET /product/{id}"
	directRead    = "direct: GET /product/{id}"
	emulatorRead  = "emulator: GetItem (signed HTTP POST)"
	ourBasketRead = "direct: GET /basket/{user}"
	peerCartRead  = "peer: GET /carts/{id}"
)

func readPath(r *phaseRun) {
	sys, aws, client, o, res := r.sys, r.aws, r.client, r.o, r.res
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
		{gatewayRead, func(int) error { return getOK(client, gatewayURL("/product/"+next())) }},
		{directRead, func(int) error { return getOK(client, productURL("/product/"+next())) }},
		{emulatorRead, func(int) error {
			return aws.dynamo("GetItem", map[string]any{
				"TableName": "product", "Key": map[string]any{"id": map[string]string{"S": next()}}, "ConsistentRead": true,
			}, nil)
		}},
	}
	// Warm-up protocol: rounds through the gateway (warms gateway and product service) until two
	// consecutive rounds agree within WarmupAgree, at most WarmupMax rounds; then one round of each
	// other target.
	res.Warmup = warmUp(o, "read (gateway)", 0, nil, targets[0].do)
	warm := parseDuration(o.WarmupRound)
	for _, t := range targets[1:] {
		closedLoop(o.Concurrency, warm/2, t.do)
	}
	if o.PeerURL != "" {
		// Against the peer: a basket read vs. a cart read, the same lines in each (one user and cart per
		// worker), each JVM warmed up on its own like the gateway.
		stamp := time.Now().Unix() % 100000
		user := func(w int) string { return fmt.Sprintf("bench-r-%d-w%d", stamp, w) }
		for w := 0; w < o.Concurrency; w++ {
			for _, id := range ids[:min(addLines, len(ids))] {
				must(addItem(client, basketURL, user(w), id))
				must(peerAdd(client, o, user(w), id))
			}
		}
		peerTargets := []struct {
			name string
			do   func(int) error
		}{
			{ourBasketRead, func(w int) error {
				resp, err := getAs(client, user(w), basketURL("/basket/"+user(w)))
				if err != nil {
					return err
				}
				drain(resp)
				if resp.StatusCode != 200 {
					return fmt.Errorf("GET /basket/{user}: %d", resp.StatusCode)
				}
				return nil
			}},
			{peerCartRead, func(w int) error { return getOK(client, peerURL(o, "/carts/"+user(w))) }},
		}
		res.ReadWarmup = map[string][]float64{}
		for _, t := range peerTargets {
			res.ReadWarmup[t.name] = warmUp(o, t.name, 0, nil, t.do)
		}
		targets = append(targets, peerTargets...)
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
