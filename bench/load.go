package main

import (
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

func newHTTPClient(maxConns int) *http.Client {
	transport := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        maxConns * 2,
		MaxIdleConnsPerHost: maxConns * 2,
		MaxConnsPerHost:     maxConns * 2,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	return &http.Client{Transport: transport, Timeout: 30 * time.Second}
}

// drain reads and closes a response body so that the connection is reused.
func drain(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// Result of one measured round.
type Result struct {
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	Seconds    float64 `json:"seconds"`
	Throughput float64 `json:"throughput_per_s"`
	P50        float64 `json:"p50_ms"`
	P95        float64 `json:"p95_ms"`
	P99        float64 `json:"p99_ms"`
	Max        float64 `json:"max_ms"`
	FirstError string  `json:"first_error,omitempty"`
	// CPU milliseconds per successful operation, per process (the load generator is "bench").
	CPUms map[string]float64 `json:"cpu_ms_per_op,omitempty"`
	// AWS calls per successful operation, by service and operation, from the services' aws.calls meters.
	Calls map[string]float64 `json:"aws_calls_per_op,omitempty"`
}

func percentileMs(sorted []time.Duration, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(sorted) {
		i = len(sorted) - 1
	}
	return float64(sorted[i].Microseconds()) / 1000
}

func summarize(latencies []time.Duration, errors int, firstError string, elapsed time.Duration) Result {
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	r := Result{Requests: len(latencies), Errors: errors, Seconds: elapsed.Seconds(), FirstError: firstError}
	if elapsed > 0 {
		r.Throughput = float64(len(latencies)) / elapsed.Seconds()
	}
	if len(latencies) > 0 {
		r.P50, r.P95, r.P99 = percentileMs(latencies, 0.50), percentileMs(latencies, 0.95), percentileMs(latencies, 0.99)
		r.Max = float64(latencies[len(latencies)-1].Microseconds()) / 1000
	}
	return r
}

// closedLoop runs `concurrency` workers, each sending one request after the other for `duration`
// (a closed model: the maximum throughput at that concurrency). Only successful requests count
// towards throughput and latency; failures are counted apart.
func closedLoop(concurrency int, duration time.Duration, do func(worker int) error) Result {
	return closedLoopWithSetup(concurrency, duration, nil, do)
}

// closedLoopWithSetup is closedLoop with an untimed step before each operation (nil: none): work the
// operation needs done first that is not part of what is measured, e.g. emptying a full basket. Its
// wall time still passes within the round, and its CPU is in the round's CPU meter.
func closedLoopWithSetup(concurrency int, duration time.Duration, setup, do func(worker int) error) Result {
	var (
		mu         sync.Mutex
		all        []time.Duration
		errors     int
		firstError string
		wg         sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(duration)
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func(worker int) {
			defer wg.Done()
			local := make([]time.Duration, 0, 4096)
			localErrors := 0
			var localFirst string
			for time.Now().Before(deadline) {
				var err error
				if setup != nil {
					err = setup(worker)
				}
				t0 := time.Now()
				if err == nil {
					err = do(worker)
				}
				if err != nil {
					localErrors++
					if localFirst == "" {
						localFirst = err.Error()
					}
					if localErrors > 1000 {
						break
					}
					continue
				}
				local = append(local, time.Since(t0))
			}
			mu.Lock()
			all = append(all, local...)
			errors += localErrors
			if firstError == "" {
				firstError = localFirst
			}
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	return summarize(all, errors, firstError, time.Since(start))
}

// openLoop starts `rate` operations per second for `duration`, each in its own goroutine, whatever the
// earlier ones are doing (an open model: no coordinated omission). op returns the latency it measured.
func openLoop(rate float64, duration time.Duration, maxInFlight int, op func(i int) (time.Duration, error)) Result {
	var (
		mu         sync.Mutex
		all        []time.Duration
		errors     int
		firstError string
		wg         sync.WaitGroup
		inFlight   atomic.Int64
		skipped    int
	)
	interval := time.Duration(float64(time.Second) / rate)
	start := time.Now()
	n := int(duration.Seconds() * rate)
	for i := 0; i < n; i++ {
		time.Sleep(time.Until(start.Add(time.Duration(i) * interval)))
		if inFlight.Load() >= int64(maxInFlight) {
			skipped++
			continue
		}
		inFlight.Add(1)
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer inFlight.Add(-1)
			latency, err := op(i)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errors++
				if firstError == "" {
					firstError = err.Error()
				}
				return
			}
			all = append(all, latency)
		}(i)
	}
	wg.Wait()
	r := summarize(all, errors+skipped, firstError, time.Since(start))
	if skipped > 0 && r.FirstError == "" {
		r.FirstError = fmt.Sprintf("%d arrivals skipped: more than %d in flight", skipped, maxInFlight)
	}
	return r
}

func median(values []float64) float64 {
	if len(values) == 0 {
		return math.NaN()
	}
	s := append([]float64(nil), values...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// medianResult takes the median of each field over repeated rounds.
func medianResult(rounds []Result) Result {
	pick := func(f func(Result) float64) float64 {
		v := make([]float64, len(rounds))
		for i, r := range rounds {
			v[i] = f(r)
		}
		return median(v)
	}
	errors := 0
	for _, r := range rounds {
		errors += r.Errors
	}
	perKey := func(m func(Result) map[string]float64) map[string]float64 {
		out := map[string]float64{}
		for _, r := range rounds {
			for name := range m(r) {
				out[name] = round(pick(func(r Result) float64 { return m(r)[name] }), 3)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	return Result{
		CPUms:      perKey(func(r Result) map[string]float64 { return r.CPUms }),
		Calls:      perKey(func(r Result) map[string]float64 { return r.Calls }),
		Requests:   int(pick(func(r Result) float64 { return float64(r.Requests) })),
		Errors:     errors,
		Seconds:    pick(func(r Result) float64 { return r.Seconds }),
		Throughput: pick(func(r Result) float64 { return r.Throughput }),
		P50:        pick(func(r Result) float64 { return r.P50 }),
		P95:        pick(func(r Result) float64 { return r.P95 }),
		P99:        pick(func(r Result) float64 { return r.P99 }),
		Max:        pick(func(r Result) float64 { return r.Max }),
	}
}
