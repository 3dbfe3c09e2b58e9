#!/usr/bin/env bash
# Prints an access token of a user of the deployed stack's Cognito user pool (the AWS counterpart of
# scripts/token), with the AWS CLI: USER_PASSWORD_AUTH against the app client of the Swn<Env>Shared stack.
#   infra-cdk/scripts/cognito-token.sh <user-name> <password>
# Env: STACK (default SwnDevShared), AWS_PROFILE / AWS_REGION as for any AWS CLI call.
# Users: infra-cdk/README.md (Users and tokens).
set -euo pipefail
(($# == 2)) || { echo "usage: $0 <user-name> <password>" >&2; exit 2; }
stack="${STACK:-SwnDevShared}"
output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
client_id="$(output UserPoolClientId)"
[[ -n "$client_id" && "$client_id" != None ]] || { echo "$0: no UserPoolClientId output in stack $stack" >&2; exit 1; }
aws cognito-idp initiate-auth --client-id "$client_id" --auth-flow USER_PASSWORD_AUTH \
  --auth-parameters "USERNAME=$1,PASSWORD=$2" --query 'AuthenticationResult.AccessToken' --output text
