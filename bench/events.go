package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// The published example events (event-contracts, checked against their schemas by its tests): the
// benchmark sends what every other test sends, with its own ids, user and times.
const examplesDir = "event-contracts/src/main/resources/contracts/events/examples"

var examples struct {
	once             sync.Once
	detail, delivery []byte
	err              error
}

// checkoutExamples reads the CheckoutBasket example and its EventBridge delivery once, from the
// repository the benchmark runs in (the working directory or a parent of it).
func checkoutExamples() ([]byte, []byte) {
	examples.once.Do(func() {
		dir, err := os.Getwd()
		if err != nil {
			examples.err = err
			return
		}
		for {
			base := filepath.Join(dir, examplesDir)
			if detail, err := os.ReadFile(filepath.Join(base, "CheckoutBasket.v1.json")); err == nil {
				examples.detail = detail
				examples.delivery, examples.err = os.ReadFile(filepath.Join(base, "CheckoutBasket.v1.eventbridge.json"))
				return
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				examples.err = fmt.Errorf("no %s in the working directory or above", examplesDir)
				return
			}
			dir = parent
		}
	})
	must(examples.err)
	return examples.detail, examples.delivery
}

func decodeExample(data []byte) map[string]any {
	var v map[string]any
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber() // prices keep their digits (19.90), as the JSON the services read
	must(decoder.Decode(&v))
	return v
}

// checkoutEvent is an SQS body as EventBridge delivers it for CheckoutBasketRule.
func checkoutEvent(user string) string {
	detailJSON, deliveryJSON := checkoutExamples()
	now := time.Now().UTC().Format("2006-01-02T15:04:05.000Z")
	detail := decodeExample(detailJSON)
	detail["eventId"], detail["occurredAt"], detail["correlationId"] = uuid(), now, "bench-"+user
	data := detail["data"].(map[string]any)
	data["orderId"], data["userName"], data["checkedOutAt"] = uuid(), user, now
	event := decodeExample(deliveryJSON)
	event["id"], event["time"], event["detail"] = uuid(), now[:19]+"Z", detail
	body, err := json.Marshal(event)
	must(err)
	return string(body)
}
