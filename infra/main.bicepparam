// Parameters of infra/main.bicep. The image tag comes from the environment so that every deployment
// names the exact image it runs (docs/DEPLOY.md): the build fails when MINEFUNCTIONS_IMAGE_TAG is unset.
using 'main.bicep'

param namePrefix = 'minefn'
param imageTag = readEnvironmentVariable('MINEFUNCTIONS_IMAGE_TAG')
param planSku = 'EP2'
param maxInstances = 10
param inputContainer = 'mine-input'
param productsContainer = 'mine-products'
param refreshSchedule = '0 0 3 1 * *'
