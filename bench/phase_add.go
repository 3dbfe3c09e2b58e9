// Phase: add-to-basket alone, each operation one POST /basket/{user}/items straight to the basket
// service, and with -peer-url the peer's POST /carts/{id}/items, interleaved in the same run.

package main

import (
	"fmt"
	"time"
)

const (
	// addLines products are added in turn, so each add after the first few merges into an existing
	// line (a basket holds at most Basket.MAX_LINES = 50 lines, 99 of each): the basket stays the size
	// of a real one instead of growing with the run.
	addLines = 4
	// addResetEvery adds, a worker empties its basket (untimed, not counted): 50 per line, below
	// BasketLine.MAX_QUANTITY, so no add is refused. The empty costs one delete per 200 adds, which the
	// round's CPU and call meters include (0.5 %).
	addResetEvery = addLines * 50
	ourAdd        = "ours: POST /basket/{user}/items"
	peerAddName   = "peer: POST /carts/{id}/items"
)

// writeTarget is one closed-loop target of the add phase.
type writeTarget struct {
	name      string
	setup, do func(worker int) error
	calls     []service // whose aws.calls meters to read around each round
}

// boundedAdds returns setup and do for a closed loop of adds by one user (cart) per worker, the lines
// cycling through ids and the basket emptied every addResetEvery adds.
func boundedAdds(workers int, ids []string, empty func(worker int) error, add func(worker int, id string) error) (setup, do func(int) error) {
	count := make([]int, workers) // each worker touches only its own slot
	setup = func(w int) error {
		if count[w]%addResetEvery == 0 {
			return empty(w)
		}
		return nil
	}
	do = func(w int) error {
		err := add(w, ids[count[w]%len(ids)])
		count[w]++
		return err
	}
	return setup, do
}

func addPath(r *phaseRun) {
	sys, client, o, res := r.sys, r.client, r.o, r.res
	ids := make([]string, addLines)
	for i := range ids {
		ids[i] = createProduct(client, fmt.Sprintf("Add bench product %d", i))
	}
	stamp := time.Now().Unix() % 100000
	user := func(w int) string { return fmt.Sprintf("bench-a-%d-w%d", stamp, w) }
	for w := 0; w < o.Concurrency; w++ { // tokens fetched here, not inside a measured add
		_, err := token(client, user(w))
		must(err)
	}
	setup, do := boundedAdds(o.Concurrency, ids,
		func(w int) error { return emptyBasket(client, user(w)) },
		func(w int, id string) error { return addItem(client, basketURL, user(w), id) })
	targets := []writeTarget{{ourAdd, setup, do, []service{basket, product}}}
	if o.PeerURL != "" {
		setup, do := boundedAdds(o.Concurrency, ids,
			func(w int) error { return peerEmpty(client, o, user(w)) },
			func(w int, id string) error { return peerAdd(client, o, user(w), id) })
		targets = append(targets, writeTarget{peerAddName, setup, do, nil})
	}
	res.AddWarmup = map[string][]float64{}
	for _, t := range targets {
		res.AddWarmup[t.name] = warmUp(o, t.name, 1, t.setup, t.do)
	}
	res.AddRounds = map[string][]Result{}
	res.Add = map[string]Result{}
	for rep := 0; rep < o.Reps; rep++ {
		for _, t := range targets { // interleaved, so drift in the machine hits both alike
			calls := meterCalls(client, t.calls...)
			meter := meterCPU(sys.cpuPids)
			r := closedLoopWithSetup(o.Concurrency, parseDuration(o.Round), t.setup, t.do)
			r.CPUms = meter.perOp(r.Requests)
			if len(t.calls) > 0 {
				r.Calls = calls.perOp(r.Requests)
			}
			res.AddRounds[t.name] = append(res.AddRounds[t.name], r)
			logf("add %-32s #%d: %6.0f req/s  p50 %5.1f ms  p99 %6.1f ms  errors %d %s  CPU ms/req %v  AWS calls/req %s (load %s)",
				t.name, rep+1, r.Throughput, r.P50, r.P99, r.Errors, r.FirstError, r.CPUms, callsText(r.Calls), loadAverage())
		}
	}
	for name, rounds := range res.AddRounds {
		res.Add[name] = medianResult(rounds)
	}
}
