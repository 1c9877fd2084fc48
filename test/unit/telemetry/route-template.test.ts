import { routeTemplate } from '../../../src/telemetry/partner-center-call';

describe('routeTemplate: one route per Partner Center operation, without ids', () => {
  it.each([
    ['/v1/customers', '/customers'],
    ['/v1/customers/6f4c2b1a-0000-4000-8000-000000000001/carts/7d3e/checkout', '/customers/{id}/carts/{id}/checkout'],
    ['/v1/customers/c-1/products/CFQ7TTC0LH18/skus/0001/availabilities/DZH318Z0BQ3Q', '/customers/{id}/products/{id}/skus/{id}/availabilities/{id}'],
    ['/v1/customers/c-1/orders/o-1/provisioningstatus', '/customers/{id}/orders/{id}/provisioningstatus'],
    ['/v1/offers/031C9E47-4802-4248-838E-778FB1D2CC05/addons', '/offers/{id}/addons'],
    ['/customers/c-1/subscriptions', '/customers/{id}/subscriptions'],
  ])('%s → %s', (pathname, template) => {
    expect(routeTemplate(pathname)).toBe(template);
  });
});
