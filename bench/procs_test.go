package main

import (
	"strings"
	"testing"
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
