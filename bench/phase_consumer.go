// Phase: the ordering consumer against the raw drain limits of the same emulator.

package main

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

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
		line := map[string]any{
			"productId": s(it.ProductID), "productName": s(it.ProductName),
			"quantity": n(fmt.Sprint(it.Quantity)), "unitPrice": n(it.UnitPrice.String()), "lineTotal": n(it.LineTotal.String()),
		}
		if it.Color != "" { // as OrderItems: a line without a color has no color attribute
			line["color"] = s(it.Color)
		}
		lines = append(lines, map[string]any{"M": line})
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
	ordering1  = "ordering, 1 instance"
	ordering2s = "ordering, 2 instances"
)

func consumer(r *phaseRun) {
	sys, aws, o, res, ps := r.sys, r.aws, r.o, r.res, r.ps
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
	labels := []string{rawDelete1, rawPut1, ordering1, rawDelete2, ordering2s}
	for rep := 0; rep < o.Reps; rep++ {
		for _, label := range labels {
			var active []*proc
			switch label {
			case ordering1:
				active = consumers[:1]
			case ordering2s:
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
