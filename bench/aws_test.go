package main

import (
	"testing"
	"time"
)

// The expected Authorization header was produced by botocore 1.43.11 (SigV4Auth, credentials test/test,
// service dynamodb, region us-east-1) for the same request at the same instant, so this pins the
// benchmark's signer to the AWS SDK's: no emulator here verifies signatures, real AWS would.
func TestSignatureMatchesBotocore(t *testing.T) {
	client := newAWSClient("http://127.0.0.1:4566", "us-east-1", "test", "test", 1)
	body := []byte(`{"TableName":"product","Key":{"id":{"S":"p-1"}},"ConsistentRead":true}`)
	at := time.Date(2026, 11, 27, 10, 55, 29, 0, time.UTC)
	req := client.signedRequest("dynamodb", "DynamoDB_20120810.GetItem", "1.0", body, at)
	want := "AWS4-HMAC-SHA256 Credential=test/20261127/us-east-1/dynamodb/aws4_request, " +
		"SignedHeaders=content-type;host;x-amz-date;x-amz-target, " +
		"Signature=0917ffe3522b798e529922fc372589b53a2a145a3392584d288b51e2903dd4db"
	if got := req.Header.Get("Authorization"); got != want {
		t.Fatalf("Authorization\n got %s\nwant %s", got, want)
	}
	if got := req.Header.Get("X-Amz-Date"); got != "20261127T105529Z" {
		t.Fatalf("X-Amz-Date %s", got)
	}
}
