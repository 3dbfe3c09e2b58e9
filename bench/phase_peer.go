// The peer the benchmark compares with (-peer-url, -peer-pid): aws-containers/retail-store-sample-app's
// cart service (src/cart), started outside the benchmark against the same emulator
// (docs/performance.md has the procedure). Its API: GET /carts/{customerId}, POST
// /carts/{customerId}/items with {itemId, quantity, unitPrice} (201), DELETE /carts/{customerId} (202).
// It has no authentication; it trusts the price the client sends.

package main

import (
	"fmt"
	"net/http"
	"strings"
)

// peerUnitPrice is what the peer's add is sent as the price (whole units: its Item.unitPrice is an int).
const peerUnitPrice = 20

func peerURL(o options, path string) string { return strings.TrimRight(o.PeerURL, "/") + path }

// peerAdd adds one of itemID to the peer's cart: one POST /carts/{cart}/items.
func peerAdd(client *http.Client, o options, cart, itemID string) error {
	body := fmt.Sprintf(`{"itemId":%q,"quantity":1,"unitPrice":%d}`, itemID, peerUnitPrice)
	resp, err := client.Post(peerURL(o, "/carts/"+cart+"/items"), "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	drain(resp)
	if resp.StatusCode != 201 {
		return fmt.Errorf("peer add item: %d", resp.StatusCode)
	}
	return nil
}

// peerEmpty deletes the peer's cart (every item of it).
func peerEmpty(client *http.Client, o options, cart string) error {
	req, _ := http.NewRequest(http.MethodDelete, peerURL(o, "/carts/"+cart), nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	drain(resp)
	if resp.StatusCode != 202 {
		return fmt.Errorf("peer delete cart: %d", resp.StatusCode)
	}
	return nil
}
