package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every committed report renders without a template error, with a section for each phase it has.
func TestCommittedResultsRender(t *testing.T) {
	files, _ := filepath.Glob("results/*.json")
	if len(files) == 0 {
		t.Fatal("no results/*.json to render")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var r report
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		md := markdown(&r)
		if strings.Contains(md, "report template failed") {
			t.Fatalf("%s: %s", f, md[strings.Index(md, "report template failed"):])
		}
		for _, name := range r.ProfileOrder {
			p := r.Profiles[name]
			want := []string{"## Profile `" + name + "`", "### Memory and readiness"}
			if len(p.Read) > 0 {
				want = append(want, "### Read path (concurrency")
			}
			if len(p.Consumer) > 0 {
				want = append(want, "### Consumer: draining")
			}
			if p.Journey != nil {
				want = append(want, "### Checkout -> order visible")
			}
			if p.Basket != nil {
				want = append(want, "### Basket write path")
			}
			for _, w := range want {
				if !strings.Contains(md, w) {
					t.Errorf("%s: no %q", f, w)
				}
			}
		}
	}
}

// A run with the add phase and the peer: its rows, its calls per add and the ours/peer ratios.
func TestAddPhaseAndPeerRender(t *testing.T) {
	add := Result{Throughput: 500, P50: 30, P95: 40, P99: 50,
		CPUms: map[string]float64{"basket-service": 1.2, "product-service": 0.3, "emulator": 1.0, "bench": 0.1},
		Calls: map[string]float64{"basket-service: DynamoDb GetItem": 1, "basket-service: DynamoDb TransactWriteItems": 1, "product-service: DynamoDb GetItem": 1}}
	peerAdd := Result{Throughput: 1000, P50: 15, P95: 20, P99: 25, CPUms: map[string]float64{"peer": 0.6, "emulator": 0.5}}
	read := Result{Throughput: 3000, CPUms: map[string]float64{"basket-service": 0.3}}
	peerRead := Result{Throughput: 2000, CPUms: map[string]float64{"peer": 0.4}}
	r := &report{
		Started: time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC), Finished: time.Date(2026, 12, 2, 12, 30, 5, 0, time.UTC),
		Command: "bench/run.sh -peer-url http://127.0.0.1:18090", ProfileOrder: []string{"default"},
		Options: options{Concurrency: 16, PeerURL: "http://127.0.0.1:18090"},
		Profiles: map[string]*profileResult{"default": {
			Read:      map[string]Result{ourBasketRead: read, peerCartRead: peerRead},
			Add:       map[string]Result{ourAdd: add, peerAddName: peerAdd},
			AddWarmup: map[string][]float64{ourAdd: {400, 480}},
		}},
	}
	md := markdown(r)
	for _, want := range []string{
		"(30m5s)",
		"| " + ourAdd + " | 500 | 30.0 | 40.0 | 50.0 | 0  | 1.20 / 0.30 / – / 1.00 / 0.10 | basket-service: DynamoDb GetItem 1.00, basket-service: DynamoDb TransactWriteItems 1.00, product-service: DynamoDb GetItem 1.00 |",
		"| " + peerAddName + " | 1000 | 15.0 | 20.0 | 25.0 | 0  | – / – / 0.60 / 0.50 / – | – (not instrumented) |",
		"Service CPU per add, basket + product: **1.50 ms**",
		"| read req/s | 3000 | 2000 | 1.50 |",
		"| add req/s | 500 | 1000 | 0.50 |",
		"| add, service CPU ms per request (basket + product / peer) | 1.50 | 0.60 | 2.50 |",
		"| add, emulator CPU ms per request | 1.00 | 0.50 | 2.00 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("no %q in\n%s", want, md)
		}
	}
	if strings.Contains(md, "report template failed") {
		t.Fatal(md)
	}
}

// Without the peer there is no peer row and no comparison.
func TestNoPeerNoComparison(t *testing.T) {
	r := &report{ProfileOrder: []string{"default"}, Profiles: map[string]*profileResult{"default": {
		Add: map[string]Result{ourAdd: {Throughput: 500}},
	}}}
	md := markdown(r)
	if strings.Contains(md, peerAddName) || strings.Contains(md, "Ours vs the peer") || !strings.Contains(md, "### Add to basket") {
		t.Fatal(md)
	}
}

// A phase the run skipped has no numbers: its summary columns say so instead of showing zeros.
func TestSummaryDashesSkippedPhases(t *testing.T) {
	r := &report{ProfileOrder: []string{"default"}, Profiles: map[string]*profileResult{"default": {
		Add: map[string]Result{ourAdd: {Throughput: 500, CPUms: map[string]float64{"basket-service": 0.8}}},
	}}}
	want := "| default | – | – | – | – | – | – | – | – | – | – | – | – | – | – | 500 | 0.80 | – |"
	if md := markdown(r); !strings.Contains(md, want) {
		t.Fatalf("no %q in\n%s", want, md)
	}
}

// The start-up split is a table of its own when the runs have it, and is left out for reports before it.
func TestStartupSplitRendersOnlyWhenMeasured(t *testing.T) {
	withSplit := report{Startup: []startupResult{{Service: "product-service", Variant: "extracted+AOT cache",
		ReadyS: []float64{1.7}, MedReadyS: 1.7, MedJVMBeforeSpringS: 0.41, MedSpringRunS: 1.12, MedStartedToReadyS: 0.17}}}
	md := markdown(&withSplit)
	if !strings.Contains(md, "| product-service | extracted+AOT cache | 0.41 | 1.12 | 0.17 |") {
		t.Errorf("no split row in:\n%s", md)
	}
	without := report{Startup: []startupResult{{Service: "product-service", Variant: "plain jar", ReadyS: []float64{4}, MedReadyS: 4}}}
	if md := markdown(&without); strings.Contains(md, "JVM before Spring") {
		t.Errorf("a report without the split shows its table:\n%s", md)
	}
}
