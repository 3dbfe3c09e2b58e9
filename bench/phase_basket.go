// Phase: the basket service's write path, add-item plus checkout, in a closed loop.

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

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

// addItem adds one of productID to user's basket: one POST /basket/{user}/items (the basket service
// prices it from the catalogue).
func addItem(client *http.Client, url func(string) string, user, productID string) error {
	item := fmt.Sprintf(`{"productId":%q,"quantity":1}`, productID)
	r, err := postAs(client, user, url("/basket/"+user+"/items"), item)
	if err != nil {
		return err
	}
	drain(r)
	if r.StatusCode != 200 {
		return fmt.Errorf("add item: %d", r.StatusCode)
	}
	return nil
}

// emptyBasket deletes user's basket (204; 404 if there was none).
func emptyBasket(client *http.Client, user string) error {
	req, _ := http.NewRequest(http.MethodDelete, basketURL("/basket/"+user), nil)
	r, err := as(client, user, req)
	if err != nil {
		return err
	}
	drain(r)
	if r.StatusCode != 204 && r.StatusCode != 404 {
		return fmt.Errorf("delete basket: %d", r.StatusCode)
	}
	return nil
}

// addAndCheckout fills a new basket with one line and checks it out: the basket service's two write
// requests (the add reads the price from the product service; the checkout is one transaction with
// the outbox event, published right after).
// It returns the order's Location and when the checkout request was sent.
func addAndCheckout(client *http.Client, url func(string) string, user, productID string) (string, time.Time, error) {
	if err := addItem(client, url, user, productID); err != nil {
		return "", time.Time{}, err
	}
	body := fmt.Sprintf(`{"userName":%q,"firstName":"Bench","lastName":"Mark","email":"bench@example.com","address":"1 Bench Road","paymentMethod":"CARD"}`, user)
	req, _ := http.NewRequest(http.MethodPost, url("/basket/checkout"), bytes.NewReader([]byte(body)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Idempotency-Key", uuid())
	if _, err := token(client, user); err != nil { // fetched by the add already: not timed below
		return "", time.Time{}, err
	}
	sent := time.Now()
	r, err := as(client, user, req)
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
func basketPath(r *phaseRun) {
	sys, client, o, res := r.sys, r.client, r.o, r.res
	productID := createProduct(client, "Basket bench lamp")
	stamp := time.Now().Unix() % 100000
	// One user per worker, whose basket each operation fills and checks out again (the checkout removes
	// it): the worker's token is fetched once, not inside every measured operation.
	do := func(worker int) error {
		_, _, err := addAndCheckout(client, basketURL, fmt.Sprintf("bench-b-%d-w%d", stamp, worker), productID)
		return err
	}
	res.BasketWarmup = warmUp(o, "basket", 1, nil, do)
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
