package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// Access tokens of the local issuer (auth-server, started by the benchmark like the services), fetched as
// scripts/token fetches them: the client_credentials grant with the demo user's name and the demo secret.
// One per user, cached for the run (tokens live an hour; a run's users are new each time). Fetched before
// a measured request is sent, never inside one.

const operatorUser = "ops"

var (
	tokensMu sync.Mutex
	tokens   = map[string]string{}
)

func authURL(path string) string { return fmt.Sprintf("http://127.0.0.1:%d%s", authServer.Port, path) }

// token returns user's access token, asking the issuer once per user.
func token(client *http.Client, user string) (string, error) {
	tokensMu.Lock()
	cached, ok := tokens[user]
	tokensMu.Unlock()
	if ok {
		return cached, nil
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {user}, "client_secret": {"demo"}}
	resp, err := client.Post(authURL("/oauth2/token"), "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		return "", fmt.Errorf("token for %s: %d %s", user, resp.StatusCode, body)
	}
	var parsed struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(body, &parsed); err != nil || parsed.AccessToken == "" {
		return "", fmt.Errorf("token for %s: no access_token in %s", user, body)
	}
	tokensMu.Lock()
	tokens[user] = parsed.AccessToken
	tokensMu.Unlock()
	return parsed.AccessToken, nil
}

// as sends req with user's token.
func as(client *http.Client, user string, req *http.Request) (*http.Response, error) {
	t, err := token(client, user)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+t)
	return client.Do(req)
}

// postAs is client.Post with user's token.
func postAs(client *http.Client, user, url, body string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	return as(client, user, req)
}

// getAs is client.Get with user's token.
func getAs(client *http.Client, user, url string) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return as(client, user, req)
}
