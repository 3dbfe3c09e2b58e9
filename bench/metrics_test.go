package main

import (
	"reflect"
	"testing"
)

// A scrape as Spring Boot's Prometheus endpoint writes it for the aws.calls timer: one series per
// service, operation and error, plus metrics whose names start the same way.
const scrape = `# HELP aws_calls_seconds
# TYPE aws_calls_seconds summary
aws_calls_seconds_count{application="basket-service",error="none",operation="GetItem",service="DynamoDb"} 120
aws_calls_seconds_sum{application="basket-service",error="none",operation="GetItem",service="DynamoDb"} 0.5
aws_calls_seconds_count{application="basket-service",error="ConditionalCheckFailedException",operation="TransactWriteItems",service="DynamoDb"} 2
aws_calls_seconds_count{application="basket-service",error="none",operation="TransactWriteItems",service="DynamoDb"} 118.0
aws_calls_seconds_count{error="none",operation="PutEvents",service="EventBridge",note="a \"quoted\", comma"} 3 1733140000000
aws_calls_seconds_countless{operation="GetItem",service="DynamoDb"} 99
aws_calls_seconds_max{application="basket-service",error="none",operation="GetItem",service="DynamoDb"} 0.01
aws_calls_active_seconds_active_count{operation="GetItem",service="DynamoDb"} 1
`

func TestParsePromCountsSumsByServiceAndOperation(t *testing.T) {
	got := parsePromCounts(scrape, awsCallsMetric)
	want := map[string]float64{
		"DynamoDb GetItem":            120,
		"DynamoDb TransactWriteItems": 120, // failed and successful calls alike: each is emulator work
		"EventBridge PutEvents":       3,
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v\nwant %v", got, want)
	}
}

func TestParsePromCountsOfAnAbsentMetricIsEmpty(t *testing.T) {
	if got := parsePromCounts("# nothing\nhttp_server_requests_seconds_count{uri=\"/\"} 5\n", awsCallsMetric); len(got) != 0 {
		t.Fatalf("got %v", got)
	}
}

func TestParseLabelsUnescapesValues(t *testing.T) {
	got := parseLabels(`a="1",b="x \"y\", z\\",c="line\nnext"`)
	want := map[string]string{"a": "1", "b": `x "y", z\`, "c": "line\nnext"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestCallsTextIsSortedAndRounded(t *testing.T) {
	got := callsText(map[string]float64{"product-service: DynamoDb GetItem": 1, "basket-service: DynamoDb TransactWriteItems": 1.004, "basket-service: DynamoDb GetItem": 0.996})
	want := "basket-service: DynamoDb GetItem 1.00, basket-service: DynamoDb TransactWriteItems 1.00, product-service: DynamoDb GetItem 1.00"
	if got != want {
		t.Fatalf("got %s\nwant %s", got, want)
	}
	if callsText(nil) != "–" {
		t.Fatal("no calls should read –")
	}
}

func TestBoundedAddsEmptiesEveryResetAndCyclesLines(t *testing.T) {
	var empties, adds []string
	ids := []string{"a", "b", "c", "d"}
	setup, do := boundedAdds(2, ids,
		func(w int) error { empties = append(empties, string(rune('0'+w))); return nil },
		func(w int, id string) error { adds = append(adds, id); return nil })
	for i := 0; i < 2*addResetEvery+1; i++ {
		if err := setup(0); err != nil {
			t.Fatal(err)
		}
		if err := do(0); err != nil {
			t.Fatal(err)
		}
	}
	if len(empties) != 3 { // before the 1st, the 201st and the 401st add
		t.Fatalf("emptied %d times", len(empties))
	}
	counts := map[string]int{}
	for _, id := range adds[:addResetEvery] {
		counts[id]++
	}
	for _, id := range ids { // every line reaches the same quantity, below BasketLine.MAX_QUANTITY (99)
		if counts[id] != addResetEvery/len(ids) || counts[id] > 99 {
			t.Fatalf("line %s added %d times between empties", id, counts[id])
		}
	}
}
