package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every AOT variant trains its own cache, and the JVM takes the name as one file: a variant whose flags
// put a ':' in it (-XX:...) made the training fail with "AOTCacheOutput must specify a single file name".
func TestCacheNamesAreSingleDistinctFiles(t *testing.T) {
	seen := map[string]string{}
	for _, v := range jvmVariants {
		if !v.AOT {
			continue
		}
		name := cacheName(v)
		if strings.ContainsAny(name, ":/") || !strings.HasSuffix(name, ".aot") {
			t.Errorf("variant %q: cache name %q is not a single .aot file name", v.Name, name)
		}
		if other, ok := seen[name]; ok {
			t.Errorf("variants %q and %q share the cache %q", other, v.Name, name)
		}
		seen[name] = v.Name
	}
}

// The start-up split reads Spring Boot's own line from a service log as our JSON logging writes it.
func TestStartedLineOfAJSONLog(t *testing.T) {
	log := `{"@timestamp":"2026-12-03T14:04:58.088Z","log":{"level":"INFO","logger":"com.swn.product.ProductServiceApplication"},"message":"Starting ProductServiceApplication using Java 25.0.3"}
{"@timestamp":"2026-12-03T14:05:00.281Z","log":{"level":"INFO","logger":"com.swn.product.ProductServiceApplication"},"message":"Started ProductServiceApplication in 2.193 seconds (process running for 2.808)"}
`
	run, uptime, ok := parseStarted(log)
	if !ok || run != 2.193 || uptime != 2.808 {
		t.Fatalf("parseStarted = %v, %v, %v; want 2.193, 2.808, true", run, uptime, ok)
	}
	for _, bad := range []string{"", "Started nothing yet", "Started X in 3.0 seconds (process running for 2.0)"} {
		if _, _, ok := parseStarted(bad); ok {
			t.Errorf("parseStarted(%q) found a start-up line", bad)
		}
	}
}

// -startup-variants picks variants by name (';'-separated: the names have commas) and -startup-flags adds
// one per ';'-separated entry, each with
// a cache of its own; a name that is not there is refused rather than silently measuring nothing.
func TestStartupSelection(t *testing.T) {
	vs, err := startupVariants(options{StartupVariants: "extracted+AOT cache; extracted+AOT cache, C1 only", StartupFlags: "-XX:CompileThresholdScaling=10; ;-XX:Tier4InvocationThreshold=50000 -XX:Tier4CompileThreshold=150000"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	caches := map[string]bool{}
	for _, v := range vs {
		names = append(names, v.Name)
		if !v.AOT || caches[cacheName(v)] {
			t.Errorf("variant %q: AOT %v, cache %q shared", v.Name, v.AOT, cacheName(v))
		}
		caches[cacheName(v)] = true
	}
	want := []string{"extracted+AOT cache", "extracted+AOT cache, C1 only", "extracted+AOT cache, -XX:CompileThresholdScaling=10",
		"extracted+AOT cache, -XX:Tier4InvocationThreshold=50000 -XX:Tier4CompileThreshold=150000"}
	if strings.Join(names, "|") != strings.Join(want, "|") {
		t.Errorf("variants %q, want %q", names, want)
	}
	if vs[3].Flags[1] != "-XX:Tier4CompileThreshold=150000" {
		t.Errorf("flags of %q: %q", vs[3].Name, vs[3].Flags)
	}
	if all, _ := startupVariants(options{}); len(all) != len(jvmVariants) {
		t.Errorf("no selection: %d variants, want all %d", len(all), len(jvmVariants))
	}
	if _, err := startupVariants(options{StartupVariants: "extracted+AOT"}); err == nil {
		t.Error("an unknown variant name was accepted")
	}
	svcs, err := startupServices(options{StartupServices: "product-service; gateway"})
	if err != nil || len(svcs) != 2 || svcs[0].Name != "product-service" || svcs[1].Name != "gateway" {
		t.Errorf("startupServices = %v, %v", svcs, err)
	}
	if _, err := startupServices(options{StartupServices: "product"}); err == nil {
		t.Error("an unknown service was accepted")
	}
}

// The reference applications come first, and each is a module of bench/reference whose jar the run finds.
func TestReferenceApps(t *testing.T) {
	svcs, err := startupServices(options{StartupServices: "product-service", StartupReference: true})
	if err != nil || len(svcs) != len(referenceApps)+1 || svcs[0].Name != "reference-web" || svcs[len(svcs)-1].Name != "product-service" {
		t.Fatalf("startupServices = %v, %v", svcs, err)
	}
	aggregator, err := os.ReadFile(filepath.Join("reference", "pom.xml"))
	if err != nil {
		t.Fatal(err)
	}
	sys := &system{root: "/repo"}
	for _, app := range referenceApps {
		base := filepath.Base(app.Module)
		if want := "/repo/" + app.Module + "/target/" + base + "-" + version + ".jar"; sys.jar(app.Module) != want {
			t.Errorf("jar of %s: %s, want %s", app.Name, sys.jar(app.Module), want)
		}
		pom, err := os.ReadFile(filepath.Join("..", app.Module, "pom.xml"))
		if err != nil || !strings.Contains(string(pom), "<artifactId>"+base+"</artifactId>") || !strings.Contains(string(aggregator), "<module>"+base+"</module>") {
			t.Errorf("%s: no module %s with artifact %s in bench/reference (%v)", app.Name, app.Module, base, err)
		}
	}
}

// A service copied before its port was offset is refused before anything starts.
func TestStartRefusesAPortOffset(t *testing.T) {
	sys := &system{basePort: 18080}
	if _, _, err := sys.start(service{"product-service", "product-service", 1, "/actuator/health/readiness"}, jvmVariants[0], nil, time.Second); err == nil || !strings.Contains(err.Error(), "offset") {
		t.Errorf("start on port 1: %v", err)
	}
}
