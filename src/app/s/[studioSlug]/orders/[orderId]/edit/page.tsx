import { OrderEdit } from "~/features/orders/components/order-edit";

export const metadata = { title: "Edit order" };

export default async function EditOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return <OrderEdit orderId={orderId} />;
}
