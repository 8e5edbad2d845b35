import { OrderForm } from "~/features/orders/components/order-form";

export const metadata = { title: "New order" };

export default function NewOrderPage() {
  return <OrderForm />;
}
