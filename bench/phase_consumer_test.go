package main

import (
	"encoding/json"
	"testing"
)

// The raw put limit must write what the service writes: the keys of the order table and its
// date index, and the numbers as DynamoDB numbers.
func TestOrderItemFromCheckoutEvent(t *testing.T) {
	body := checkoutEvent("bench-user-1")
	var event struct {
		Detail struct {
			Data struct{ OrderID string } `json:"data"`
		} `json:"detail"`
	}
	if err := json.Unmarshal([]byte(body), &event); err != nil {
		t.Fatal(err)
	}
	item, err := orderItem(body)
	if err != nil {
		t.Fatal(err)
	}
	str := func(name string) string { return item[name].(map[string]string)["S"] }
	if str("userName") != "bench-user-1" || str("orderId") != event.Detail.Data.OrderID || str("orderDate") == "" {
		t.Fatalf("keys: %v", item)
	}
	// the published example: two lamps at 19.90 and a bulb (no color) at 5.05
	if got := item["totalPrice"].(map[string]string)["N"]; got != "44.85" {
		t.Fatalf("totalPrice %q", got)
	}
	lines := item["items"].(map[string]any)["L"].([]any)
	line := lines[0].(map[string]any)["M"].(map[string]any)
	if q := line["quantity"].(map[string]string)["N"]; q != "2" {
		t.Fatalf("quantity %q", q)
	}
	if p := line["unitPrice"].(map[string]string)["N"]; p != "19.90" {
		t.Fatalf("unitPrice %q", p)
	}
	if _, colored := lines[1].(map[string]any)["M"].(map[string]any)["color"]; colored {
		t.Fatalf("a line without a color has no color attribute: %v", lines[1])
	}
	if _, err := orderItem("not json"); err == nil {
		t.Fatal("a body that is not JSON must be an error")
	}
}
