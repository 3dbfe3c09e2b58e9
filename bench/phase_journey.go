// Phase: the checkout journey, checkout to order visible, at a fixed arrival rate.

package main

import (
	"fmt"
	"time"
)

// journey: checkout -> order visible, at a fixed arrival rate, through the gateway.
// It fills in the result's Journey.
func journey(run *phaseRun) {
	sys, client, o := run.sys, run.client, run.o
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
	run.res.Journey = &r
}
