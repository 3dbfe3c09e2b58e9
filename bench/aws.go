package main

// A minimal AWS JSON-protocol client for the benchmark's "raw limit" measurements: every request is
// signed with Signature Version 4 (per request, as an SDK does), so the same code works against any
// emulator and would be accepted by real AWS. No AWS SDK: it keeps the load generator light (an SDK-based
// generator is itself CPU-bound on a two-core machine, see docs/performance.md).

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type awsClient struct {
	endpoint  string
	host      string
	region    string
	accessKey string
	secretKey string
	http      *http.Client
}

func newAWSClient(endpoint, region, accessKey, secretKey string, maxConns int) *awsClient {
	u, err := url.Parse(endpoint)
	if err != nil {
		panic(err)
	}
	return &awsClient{
		endpoint: strings.TrimRight(endpoint, "/") + "/", host: u.Host, region: region,
		accessKey: accessKey, secretKey: secretKey, http: newHTTPClient(maxConns),
	}
}

func hmacSHA256(key []byte, data string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(data))
	return mac.Sum(nil)
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// newRequest builds a signed POST of an AWS JSON-protocol call (e.g. service "dynamodb", target
// "DynamoDB_20120810.GetItem", JSON version "1.0").
func (c *awsClient) newRequest(service, target, jsonVersion string, body []byte) *http.Request {
	return c.signedRequest(service, target, jsonVersion, body, time.Now())
}

func (c *awsClient) signedRequest(service, target, jsonVersion string, body []byte, at time.Time) *http.Request {
	now := at.UTC()
	amzDate := now.Format("20060102T150405Z")
	day := now.Format("20060102")
	contentType := "application/x-amz-json-" + jsonVersion
	payloadHash := sha256Hex(body)
	signedHeaders := "content-type;host;x-amz-date;x-amz-target"
	canonical := strings.Join([]string{
		"POST", "/", "",
		"content-type:" + contentType, "host:" + c.host, "x-amz-date:" + amzDate, "x-amz-target:" + target, "",
		signedHeaders, payloadHash,
	}, "\n")
	scope := day + "/" + c.region + "/" + service + "/aws4_request"
	toSign := "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex([]byte(canonical))
	key := hmacSHA256([]byte("AWS4"+c.secretKey), day)
	key = hmacSHA256(key, c.region)
	key = hmacSHA256(key, service)
	key = hmacSHA256(key, "aws4_request")
	signature := hex.EncodeToString(hmacSHA256(key, toSign))

	req, _ := http.NewRequest(http.MethodPost, c.endpoint, bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Amz-Date", amzDate)
	req.Header.Set("X-Amz-Target", target)
	req.Header.Set("Authorization", fmt.Sprintf("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s",
		c.accessKey, scope, signedHeaders, signature))
	return req
}

// call sends one JSON-protocol request and decodes the answer into out (if not nil).
func (c *awsClient) call(service, target, jsonVersion string, in any, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(c.newRequest(service, target, jsonVersion, body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: HTTP %d: %.300s", target, resp.StatusCode, data)
	}
	if out != nil {
		return json.Unmarshal(data, out)
	}
	return nil
}

func (c *awsClient) dynamo(op string, in, out any) error {
	return c.call("dynamodb", "DynamoDB_20120810."+op, "1.0", in, out)
}

func (c *awsClient) sqs(op string, in, out any) error {
	return c.call("sqs", "AmazonSQS."+op, "1.0", in, out)
}

func (c *awsClient) queueURL(name string) (string, error) {
	var out struct{ QueueUrl string }
	err := c.sqs("GetQueueUrl", map[string]any{"QueueName": name}, &out)
	return out.QueueUrl, err
}

// queueDepth is visible + in flight.
func (c *awsClient) queueDepth(queueURL string) (int, error) {
	var out struct{ Attributes map[string]string }
	err := c.sqs("GetQueueAttributes", map[string]any{
		"QueueUrl": queueURL, "AttributeNames": []string{"ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"},
	}, &out)
	if err != nil {
		return 0, err
	}
	var visible, inFlight int
	fmt.Sscan(out.Attributes["ApproximateNumberOfMessages"], &visible)
	fmt.Sscan(out.Attributes["ApproximateNumberOfMessagesNotVisible"], &inFlight)
	return visible + inFlight, nil
}

type sqsMessage struct {
	MessageId     string
	ReceiptHandle string
	Body          string
}

func (c *awsClient) receive(queueURL string, max, waitSeconds int) ([]sqsMessage, error) {
	var out struct{ Messages []sqsMessage }
	err := c.sqs("ReceiveMessage", map[string]any{
		"QueueUrl": queueURL, "MaxNumberOfMessages": max, "WaitTimeSeconds": waitSeconds,
	}, &out)
	return out.Messages, err
}

func (c *awsClient) deleteBatch(queueURL string, messages []sqsMessage) error {
	entries := make([]map[string]string, len(messages))
	for i, m := range messages {
		entries[i] = map[string]string{"Id": fmt.Sprint(i), "ReceiptHandle": m.ReceiptHandle}
	}
	var out struct{ Failed []any }
	if err := c.sqs("DeleteMessageBatch", map[string]any{"QueueUrl": queueURL, "Entries": entries}, &out); err != nil {
		return err
	}
	if len(out.Failed) > 0 {
		return fmt.Errorf("DeleteMessageBatch: %d failed", len(out.Failed))
	}
	return nil
}

func (c *awsClient) sendBatch(queueURL string, bodies []string) error {
	entries := make([]map[string]string, len(bodies))
	for i, b := range bodies {
		entries[i] = map[string]string{"Id": fmt.Sprint(i), "MessageBody": b}
	}
	var out struct{ Failed []any }
	if err := c.sqs("SendMessageBatch", map[string]any{"QueueUrl": queueURL, "Entries": entries}, &out); err != nil {
		return err
	}
	if len(out.Failed) > 0 {
		return fmt.Errorf("SendMessageBatch: %d failed", len(out.Failed))
	}
	return nil
}

// countItems counts a table's items whose string attribute attr starts with prefix (paginated scan).
func (c *awsClient) countItems(table, attr, prefix string) (int, error) {
	total := 0
	var start any
	for page := 0; page < 10000; page++ {
		in := map[string]any{
			"TableName": table, "Select": "COUNT", "FilterExpression": "begins_with(#a, :p)",
			"ExpressionAttributeNames":  map[string]string{"#a": attr},
			"ExpressionAttributeValues": map[string]any{":p": map[string]string{"S": prefix}},
		}
		if start != nil {
			in["ExclusiveStartKey"] = start
		}
		var out struct {
			Count            int
			LastEvaluatedKey map[string]any
		}
		if err := c.dynamo("Scan", in, &out); err != nil {
			return total, err
		}
		total += out.Count
		if len(out.LastEvaluatedKey) == 0 {
			return total, nil
		}
		start = out.LastEvaluatedKey
	}
	return total, fmt.Errorf("scan of %s did not end", table)
}

// deleteOrders deletes the orders of users whose name starts with prefix (paginated scan for the keys,
// then BatchWriteItem in 25s, retrying unprocessed items) and returns how many it deleted. Emulators
// keep tables in memory and some get slower per write as a table grows; deleting each drain's orders
// makes every drain start from the same table.
func (c *awsClient) deleteOrders(prefix string) (int, error) {
	type key = map[string]map[string]string
	var keys []key
	var start any
	for {
		in := map[string]any{
			"TableName": "order", "ProjectionExpression": "#u, orderId", "FilterExpression": "begins_with(#u, :p)",
			"ExpressionAttributeNames":  map[string]string{"#u": "userName"},
			"ExpressionAttributeValues": map[string]any{":p": map[string]string{"S": prefix}},
		}
		if start != nil {
			in["ExclusiveStartKey"] = start
		}
		var out struct {
			Items            []key
			LastEvaluatedKey map[string]any
		}
		if err := c.dynamo("Scan", in, &out); err != nil {
			return 0, err
		}
		keys = append(keys, out.Items...)
		if len(out.LastEvaluatedKey) == 0 {
			break
		}
		start = out.LastEvaluatedKey
	}
	for i := 0; i < len(keys); i += 25 {
		var requests []any
		for _, k := range keys[i:min(i+25, len(keys))] {
			requests = append(requests, map[string]any{"DeleteRequest": map[string]any{"Key": k}})
		}
		for attempt := 0; len(requests) > 0; attempt++ {
			if attempt == 10 {
				return i, fmt.Errorf("BatchWriteItem: %d deletes still unprocessed", len(requests))
			}
			var out struct{ UnprocessedItems map[string][]any }
			if err := c.dynamo("BatchWriteItem", map[string]any{"RequestItems": map[string]any{"order": requests}}, &out); err != nil {
				return i, err
			}
			requests = out.UnprocessedItems["order"]
		}
	}
	return len(keys), nil
}
