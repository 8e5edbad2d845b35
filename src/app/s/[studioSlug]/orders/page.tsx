import { OrdersList } from "~/features/orders/components/orders-list";

export const metadata = { title: "Orders" };

export default function OrdersPage() {
  return <OrdersList />;
}
