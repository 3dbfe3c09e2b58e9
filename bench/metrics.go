// The services' own count of their AWS calls (the aws.calls timer of platform's AwsCallObservation),
// read from /actuator/prometheus before and after a round, so a phase can say how many emulator calls
// of each operation one request makes.

package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// awsCallsMetric is aws.calls as Prometheus names its count (a timer: <name>_seconds_count).
const awsCallsMetric = "aws_calls_seconds_count"

// parsePromCounts sums the samples of one metric in Prometheus text format by their service and
// operation labels ("DynamoDb GetItem"), over every other label (error, outcome, application).
// The format is parsed here rather than with a client library because bench/ keeps to the standard
// library, and the few lines a counter needs are simple: `name{k="v",...} value [timestamp]`.
func parsePromCounts(text, metric string) map[string]float64 {
	counts := map[string]float64{}
	s := bufio.NewScanner(strings.NewReader(text))
	s.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for s.Scan() {
		line := s.Text()
		if !strings.HasPrefix(line, metric) {
			continue
		}
		rest := line[len(metric):]
		labels := map[string]string{}
		if strings.HasPrefix(rest, "{") {
			end := strings.LastIndex(rest, "}")
			if end < 0 {
				continue
			}
			labels = parseLabels(rest[1:end])
			rest = rest[end+1:]
		} else if !strings.HasPrefix(rest, " ") {
			continue // another metric whose name starts with this one
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			continue
		}
		v, err := strconv.ParseFloat(fields[0], 64)
		if err != nil {
			continue
		}
		counts[strings.TrimSpace(labels["service"]+" "+labels["operation"])] += v
	}
	return counts
}

// parseLabels reads `k="v",k2="v2"`; values may hold escaped quotes, backslashes and commas.
func parseLabels(s string) map[string]string {
	labels := map[string]string{}
	for len(s) > 0 {
		eq := strings.Index(s, `="`)
		if eq < 0 {
			break
		}
		key := strings.TrimSpace(strings.TrimLeft(s[:eq], ","))
		s = s[eq+2:]
		var value strings.Builder
		i := 0
		for ; i < len(s) && s[i] != '"'; i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
				switch s[i] {
				case 'n':
					value.WriteByte('\n')
				default:
					value.WriteByte(s[i])
				}
				continue
			}
			value.WriteByte(s[i])
		}
		labels[key] = value.String()
		if i >= len(s) {
			break
		}
		s = s[i+1:]
	}
	return labels
}

// awsCalls scrapes one service's aws.calls counts (the endpoint needs a token, any user's).
func awsCalls(client *http.Client, port int) (map[string]float64, error) {
	resp, err := getAs(client, operatorUser, fmt.Sprintf("http://127.0.0.1:%d/actuator/prometheus", port))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("GET /actuator/prometheus on %d: %d", port, resp.StatusCode)
	}
	return parsePromCounts(string(body), awsCallsMetric), nil
}

// callMeter takes the aws.calls counts of some services at the start of a round.
type callMeter struct {
	client *http.Client
	svcs   []service
	start  map[string]map[string]float64
}

func meterCalls(client *http.Client, svcs ...service) *callMeter {
	m := &callMeter{client: client, svcs: svcs, start: map[string]map[string]float64{}}
	for _, svc := range svcs {
		counts, err := awsCalls(client, svc.Port)
		if err != nil {
			logf("aws.calls of %s: %v", svc.Name, err)
		}
		m.start[svc.Name] = counts
	}
	return m
}

// perOp returns the calls per operation since the meter started, keyed "<service>: <AWS service> <operation>".
func (m *callMeter) perOp(ops int) map[string]float64 {
	out := map[string]float64{}
	if ops == 0 {
		return out
	}
	for _, svc := range m.svcs {
		counts, err := awsCalls(m.client, svc.Port)
		if err != nil {
			logf("aws.calls of %s: %v", svc.Name, err)
			continue
		}
		for op, n := range counts {
			if d := n - m.start[svc.Name][op]; d > 0 {
				out[svc.Name+": "+op] = round(d/float64(ops), 3)
			}
		}
	}
	return out
}

// callsText lists calls per operation as "basket-service: DynamoDb GetItem 1.00, ...", sorted.
func callsText(calls map[string]float64) string {
	if len(calls) == 0 {
		return "–"
	}
	keys := make([]string, 0, len(calls))
	for k := range calls {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %.2f", k, calls[k])
	}
	return strings.Join(parts, ", ")
}
